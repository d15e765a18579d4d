package io.github.camelcec.simulator.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Files uploaded by customers (objectKey, ref §8) or sent by the agent desk (media id, ref §5.1.1). */
public final class FileStore {

    /** A stored file and the type it was stored as. */
    public record StoredFile(byte[] content, String fileType) {
    }

    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();

    public void put(String key, byte[] content, String fileType) {
        files.put(key, new StoredFile(content, fileType));
    }

    public StoredFile get(String key) {
        return key == null ? null : files.get(key);
    }

    public void clear() {
        files.clear();
    }
}
