package io.github.camelcec.component.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * A cluster service whose leaders a test appoints, so that a test can move a partition from one replica to another at
 * the moment it chooses (a real engine's election decides that on its own). Services sharing one {@link Election}
 * see the same leaders.
 */
final class AppointedClusterService extends AbstractCamelClusterService<AppointedClusterService.View> {

    /** Who leads which namespace, for every service of one test. */
    static final class Election {
        private final Map<String, String> leaders = new ConcurrentHashMap<>();
        private final List<View> views = new CopyOnWriteArrayList<>();

        /** Makes the service {@code id} the leader of {@code namespace}; every view of it hears of it at once. */
        void appoint(String namespace, String id) {
            leaders.put(namespace, id);
            views.stream().filter(v -> v.getNamespace().equals(namespace)).forEach(View::announce);
        }

        /** As {@link #appoint}, but nobody is told: as a service whose event was lost, or that reports only on ask. */
        void appointQuietly(String namespace, String id) {
            leaders.put(namespace, id);
        }

        String leaderOf(String namespace) {
            return leaders.get(namespace);
        }
    }

    private final Election election;

    AppointedClusterService(String id, Election election) {
        super(id);
        this.election = election;
    }

    @Override
    protected View createView(String namespace) {
        View view = new View(namespace);
        election.views.add(view);
        return view;
    }

    final class View extends AbstractCamelClusterView {
        private final CamelClusterMember local = new Member(AppointedClusterService.this.getId());

        View(String namespace) {
            super(AppointedClusterService.this, namespace);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            String leader = election.leaderOf(getNamespace());
            return leader == null ? Optional.empty()
                    : Optional.of(leader.equals(AppointedClusterService.this.getId()) ? local : new Member(leader));
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
        }

        @Override
        protected void doStop() {
            election.views.remove(this);
        }

        void announce() {
            if (isRunAllowed()) {
                fireLeadershipChangedEvent(getLeader().orElse(null));
            }
        }

        private final class Member implements CamelClusterMember {
            private final String memberId;

            Member(String memberId) {
                this.memberId = memberId;
            }

            @Override
            public boolean isLeader() {
                return memberId.equals(election.leaderOf(getNamespace()));
            }

            @Override
            public boolean isLocal() {
                return memberId.equals(AppointedClusterService.this.getId());
            }

            @Override
            public String getId() {
                return memberId;
            }
        }
    }
}
