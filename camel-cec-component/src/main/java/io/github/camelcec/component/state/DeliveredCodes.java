package io.github.camelcec.component.state;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The delivered messageCodes a batch at a time: one look-up for a whole poll answer, one write for the exchanges that
 * completed together. Camel's {@link IdempotentRepository} asks one code at a time, and a database answers each
 * question with a round trip, so the JDBC twin implements this itself; {@link #of} adapts any other repository (the
 * in-memory default, or one the user configured).
 */
public interface DeliveredCodes {

    /** The codes among {@code codes} that were delivered. */
    Set<String> deliveredAmong(Collection<String> codes);

    /** Records every code as delivered, all or none where the store can; codes already there are skipped. */
    void addAll(Collection<String> codes);

    /** The repository itself when it takes batches, otherwise the repository asked one code at a time. */
    static DeliveredCodes of(IdempotentRepository repository) {
        if (repository instanceof DeliveredCodes batched) {
            return batched;
        }
        return new DeliveredCodes() {
            @Override
            public Set<String> deliveredAmong(Collection<String> codes) {
                Set<String> delivered = new HashSet<>();
                for (String code : codes) {
                    if (repository.contains(code)) {
                        delivered.add(code);
                    }
                }
                return delivered;
            }

            @Override
            public void addAll(Collection<String> codes) {
                for (String code : codes) {
                    repository.add(code);
                }
            }
        };
    }
}
