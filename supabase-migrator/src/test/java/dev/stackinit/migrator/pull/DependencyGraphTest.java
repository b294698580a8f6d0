package dev.stackinit.migrator.pull;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    @Test
    void putsEveryNodeAfterWhatItDependsOn() {
        DependencyGraph<String> graph = new DependencyGraph<String>()
                .addEdge("audit_log", "tasks")
                .addEdge("tasks", "projects")
                .addEdge("projects", "organizations")
                .addNode("organizations")
                .addNode("zebra");

        DependencyGraph.Ordering<String> ordering = graph.order();

        assertThat(ordering.order()).containsExactly("organizations", "projects", "tasks", "audit_log", "zebra");
        assertThat(ordering.brokenEdges()).isEmpty();
    }

    @Test
    void independentNodesComeInNameOrderWhateverTheInsertionOrder() {
        DependencyGraph<String> one =
                new DependencyGraph<String>().addNode("c").addNode("a").addEdge("b", "a");
        DependencyGraph<String> two =
                new DependencyGraph<String>().addEdge("b", "a").addNode("a").addNode("c");

        assertThat(one.order().order()).containsExactly("a", "b", "c");
        assertThat(two.order()).isEqualTo(one.order());
    }

    @Test
    void selfReferencesAndUnknownTargetsAreNoDependencies() {
        DependencyGraph<String> graph =
                new DependencyGraph<String>().addEdge("projects", "projects").addEdge("profiles", "auth.users");

        DependencyGraph.Ordering<String> ordering = graph.order();

        assertThat(ordering.order()).containsExactly("profiles", "projects");
        assertThat(ordering.brokenEdges()).isEmpty();
    }

    @Test
    void breaksATwoNodeCycleWithOneEdge() {
        DependencyGraph<String> graph = new DependencyGraph<String>()
                .addEdge("organizations", "memberships")
                .addEdge("memberships", "organizations")
                .addEdge("memberships", "profiles")
                .addEdge("organizations", "profiles")
                .addNode("profiles");

        DependencyGraph.Ordering<String> ordering = graph.order();

        assertThat(ordering.order()).containsExactly("profiles", "memberships", "organizations");
        assertThat(ordering.brokenEdges()).containsExactly(new DependencyGraph.Edge<>("memberships", "organizations"));
    }

    @Test
    void breaksALongerCycleOnceAtTheNodeWithFewestDependenciesInsideIt() {
        // c -> a -> b -> c; d hangs on c; each cycle node has one dependency inside, so a wins by name
        DependencyGraph<String> graph = new DependencyGraph<String>()
                .addEdge("a", "b")
                .addEdge("b", "c")
                .addEdge("c", "a")
                .addEdge("d", "c");

        DependencyGraph.Ordering<String> ordering = graph.order();

        assertThat(ordering.brokenEdges()).containsExactly(new DependencyGraph.Edge<>("a", "b"));
        assertThat(ordering.order()).containsExactly("a", "c", "b", "d");
    }

    @Test
    void aCycleWaitingOnAnotherNodeIsBrokenOnlyAfterThatNode() {
        DependencyGraph<String> graph = new DependencyGraph<String>()
                .addEdge("x", "y")
                .addEdge("y", "x")
                .addEdge("x", "base")
                .addEdge("base", "root")
                .addNode("root");

        DependencyGraph.Ordering<String> ordering = graph.order();

        assertThat(ordering.order()).containsExactly("root", "base", "x", "y");
        assertThat(ordering.brokenEdges()).containsExactly(new DependencyGraph.Edge<>("x", "y"));
    }

    @Test
    void everyOrderRespectsAllEdgesThatWereNotBroken() {
        DependencyGraph<Integer> graph = new DependencyGraph<>();
        for (int i = 0; i < 60; i++) {
            graph.addEdge(i, (i * 7 + 3) % 60);
            graph.addEdge(i, (i * 13 + 5) % 60);
        }

        DependencyGraph.Ordering<Integer> ordering = graph.order();

        assertThat(ordering.order()).hasSize(60).doesNotHaveDuplicates();
        for (int i = 0; i < 60; i++) {
            for (int dep : new int[] {(i * 7 + 3) % 60, (i * 13 + 5) % 60}) {
                if (dep != i && !ordering.brokenEdges().contains(new DependencyGraph.Edge<>(i, dep))) {
                    assertThat(ordering.order().indexOf(dep))
                            .isLessThan(ordering.order().indexOf(i));
                }
            }
        }
    }
}
