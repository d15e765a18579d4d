package io.github.camelcec.component.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which customer partitions this replica leads, through Camel's cluster SPI (one {@link CamelClusterView} per
 * partition, as camel-master leads one namespace); the election is the cluster service's, never ours.
 * <p>
 * A partition this replica comes to lead is not polled at once: first the {@code takeoverDelay} passes, so that polls
 * the previous leader still had in flight are answered and written ahead (ref §5: a poll hands messages out once, and
 * two replicas polling one customer would split its messages). Then the {@link Owner} takes it over — delivers the
 * messages the partition holds — and only then are its customers polled. Each takeover opens a new <em>term</em>:
 * work started under an earlier term can tell that it is stale, even if the partition came back here meanwhile.
 * Losing a partition ends its term at once.
 */
public final class PartitionLeadership {

    /** What the replica does with a partition it comes to lead. */
    public interface Owner {

        /**
         * The partition is led here from {@code term} on and the previous leader's in-flight polls are waited out:
         * deliver what the partition holds, then run {@code ready} so that its customers are polled.
         */
        void takeOver(int partition, long term, Runnable ready);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PartitionLeadership.class);
    private static final Partition NOT_LED = new Partition(false, 0, false);

    /** One partition's standing here: led (per the cluster service), its term once taken over, pollable once ready. */
    private record Partition(boolean led, long term, boolean pollable) {
    }

    private final CamelClusterService service;
    private final CustomerPartitions partitions;
    private final long takeoverDelayMillis;
    private final ScheduledExecutorService timer;
    private final Owner owner;
    private final AtomicReferenceArray<Partition> standing;
    private final ScheduledFuture<?>[] takeovers;
    private final List<CamelClusterView> views = new ArrayList<>();
    private final CamelClusterEventListener.Leadership listener = this::leadershipChanged;
    private long lastTerm;

    public PartitionLeadership(CamelClusterService service, CustomerPartitions partitions, long takeoverDelayMillis,
                               ScheduledExecutorService timer, Owner owner) {
        this.service = service;
        this.partitions = partitions;
        this.takeoverDelayMillis = Math.max(0, takeoverDelayMillis);
        this.timer = timer;
        this.owner = owner;
        this.standing = new AtomicReferenceArray<>(partitions.count());
        this.takeovers = new ScheduledFuture<?>[partitions.count()];
        for (int i = 0; i < partitions.count(); i++) {
            standing.set(i, NOT_LED);
        }
    }

    /** Joins every partition's election; leadership may be reported at once, from the service's threads. */
    public void start() throws Exception {
        for (int i = 0; i < partitions.count(); i++) {
            CamelClusterView view = service.getView(partitions.namespace(i));
            synchronized (this) {
                views.add(view);
            }
            view.addEventListener(listener);
        }
    }

    /** Leaves every election (its partitions go to other replicas) and ends every term here. */
    public void stop() throws Exception {
        List<CamelClusterView> left;
        synchronized (this) {
            left = List.copyOf(views);
            views.clear();
            for (int i = 0; i < partitions.count(); i++) {
                lose(i);
            }
        }
        Exception failure = null;
        for (CamelClusterView view : left) {
            view.removeEventListener(listener);
            try {
                service.releaseView(view);
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Asks every view whether this replica leads it, catching a leadership event that was missed or came late (some
     * services report a lost lease only on their next check).
     */
    public void reconcile() {
        List<CamelClusterView> current;
        synchronized (this) {
            current = List.copyOf(views);
        }
        for (int i = 0; i < current.size(); i++) {
            CamelClusterMember local = current.get(i).getLocalMember();
            changed(i, local != null && local.isLeader());
        }
    }

    /** Whether the customers of {@code partition} are polled here now. */
    public boolean isPollable(int partition) {
        return standing.get(partition).pollable();
    }

    /** The partition's term here, or 0 while it is not led here or not yet taken over. */
    public long term(int partition) {
        return standing.get(partition).term();
    }

    /** The partitions whose customers are polled here. */
    public List<Integer> pollablePartitions() {
        List<Integer> led = new ArrayList<>();
        for (int i = 0; i < standing.length(); i++) {
            if (standing.get(i).pollable()) {
                led.add(i);
            }
        }
        return led;
    }

    private void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
        int partition;
        synchronized (this) {
            partition = views.indexOf(view);
        }
        if (partition >= 0) {
            changed(partition, leader != null && leader.isLocal());
        }
    }

    private synchronized void changed(int partition, boolean leads) {
        if (leads == standing.get(partition).led()) {
            return;
        }
        if (!leads) {
            LOG.info("No longer leads {}: its customers are no longer polled here", partitions.namespace(partition));
            lose(partition);
            return;
        }
        LOG.info("Leads {}; its customers are polled here after the takeover delay ({} ms)",
                partitions.namespace(partition), takeoverDelayMillis);
        standing.set(partition, new Partition(true, 0, false));
        try {
            takeovers[partition] = timer.schedule(() -> takeOver(partition), takeoverDelayMillis,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the consumer is stopping: it leaves the election next
        }
    }

    private void takeOver(int partition) {
        long term;
        synchronized (this) {
            Partition p = standing.get(partition);
            if (!p.led() || p.term() != 0) {
                return;
            }
            term = ++lastTerm;
            standing.set(partition, new Partition(true, term, false));
        }
        owner.takeOver(partition, term, () -> ready(partition, term));
    }

    private synchronized void ready(int partition, long term) {
        if (standing.get(partition).term() == term) {
            standing.set(partition, new Partition(true, term, true));
        }
    }

    private void lose(int partition) {
        standing.set(partition, NOT_LED);
        ScheduledFuture<?> takeover = takeovers[partition];
        if (takeover != null) {
            takeover.cancel(false);
            takeovers[partition] = null;
        }
    }
}
