package io.github.camelcec.component.client;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Types an answer field by field (cec-api §4: the reference types many fields loosely, and an unknown or odd field is
 * normal): a value that does not fit its field's type is left out, so the field reads as null (an array element that
 * does not fit is dropped), and the rest of the answer is typed as usual. Jackson's own coercions come first: a number
 * for a string ({@code eventId}, {@code resultCode}), a string for a number or a boolean ({@code "true"}), a single
 * value for a list ({@code phrases}).
 */
final class TolerantReader {

    /** Beyond this many misfits the answer is not a CEC answer at all. */
    private static final int MAX_MISFITS = 64;

    private TolerantReader() {
    }

    /** {@code answer} as {@code type}; the tree is not changed. Fails only when a misfit cannot be located. */
    static <T> T read(ObjectNode answer, Class<T> type) throws JsonProcessingException {
        ObjectNode tree = answer.deepCopy();
        for (int misfits = 0; ; misfits++) {
            try {
                return CecJson.mapper().treeToValue(tree, type);
            } catch (JsonMappingException e) {
                if (misfits == MAX_MISFITS || !leaveOut(tree, e.getPath())) {
                    throw e;
                }
            }
        }
    }

    /** Removes the value at {@code path} (field names and array indexes from the root); false if there is none. */
    private static boolean leaveOut(JsonNode root, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = root;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() != null ? parent.get(step.getFieldName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()) {
            array.remove(last.getIndex());
            return true;
        }
        return false;
    }
}
