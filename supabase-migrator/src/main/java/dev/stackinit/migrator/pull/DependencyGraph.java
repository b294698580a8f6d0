package dev.stackinit.migrator.pull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders nodes so that every node comes after the nodes it depends on. Ties go to the smallest key, so the same graph
 * always gives the same order. A cycle is broken by dropping the dependencies of one node of the cycle; the dropped
 * edges are reported, so the caller can re-add them once all nodes exist (for example foreign keys added by
 * {@code ALTER TABLE} after both tables).
 */
public final class DependencyGraph<K extends Comparable<K>> {

    /** {@code from} depends on {@code to}. */
    public record Edge<K>(K from, K to) {}

    /** The order, and the edges dropped to get one. */
    public record Ordering<K>(List<K> order, List<Edge<K>> brokenEdges) {}

    private final Map<K, Set<K>> dependencies = new TreeMap<>();

    public DependencyGraph<K> addNode(K node) {
        dependencies.computeIfAbsent(node, k -> new TreeSet<>());
        return this;
    }

    /** Records that {@code node} depends on {@code dependency}; self-references and unknown targets are ignored. */
    public DependencyGraph<K> addEdge(K node, K dependency) {
        addNode(node);
        if (!node.equals(dependency)) {
            dependencies.get(node).add(dependency);
        }
        return this;
    }

    public Ordering<K> order() {
        Map<K, Set<K>> remaining = new TreeMap<>();
        dependencies.forEach((node, deps) -> {
            Set<K> known = new TreeSet<>(deps);
            known.retainAll(dependencies.keySet());
            remaining.put(node, known);
        });
        List<K> order = new ArrayList<>();
        List<Edge<K>> broken = new ArrayList<>();
        while (!remaining.isEmpty()) {
            K ready = firstReady(remaining);
            if (ready != null) {
                order.add(ready);
                remaining.remove(ready);
                remaining.values().forEach(deps -> deps.remove(ready));
            } else {
                broken.addAll(breakCycle(remaining));
            }
        }
        return new Ordering<>(List.copyOf(order), List.copyOf(broken));
    }

    private K firstReady(Map<K, Set<K>> remaining) {
        for (Map.Entry<K, Set<K>> entry : remaining.entrySet()) {
            if (entry.getValue().isEmpty()) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * Picks, in a component that waits on nothing outside itself, the node with the fewest dependencies inside it (then
     * the smallest key) and drops those dependencies, so as few edges as possible are broken.
     */
    private List<Edge<K>> breakCycle(Map<K, Set<K>> remaining) {
        K chosen = null;
        int fewest = Integer.MAX_VALUE;
        for (Set<K> component : stronglyConnected(remaining)) {
            boolean waitsOutside = component.stream()
                    .flatMap(node -> remaining.get(node).stream())
                    .anyMatch(dep -> !component.contains(dep));
            if (waitsOutside || component.size() < 2) {
                continue;
            }
            for (K node : component) {
                int inside = remaining.get(node).size();
                if (inside < fewest || (inside == fewest && node.compareTo(chosen) < 0)) {
                    chosen = node;
                    fewest = inside;
                }
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no cycle found in a blocked graph: " + remaining.keySet());
        }
        List<Edge<K>> broken = new ArrayList<>();
        for (K dep : remaining.get(chosen)) {
            broken.add(new Edge<>(chosen, dep));
        }
        remaining.get(chosen).clear();
        return broken;
    }

    /** Tarjan's algorithm, iterative so deep chains cannot overflow the stack. */
    private List<Set<K>> stronglyConnected(Map<K, Set<K>> graph) {
        Map<K, Integer> index = new HashMap<>();
        Map<K, Integer> low = new HashMap<>();
        Deque<K> stack = new ArrayDeque<>();
        Set<K> onStack = new java.util.HashSet<>();
        List<Set<K>> result = new ArrayList<>();
        int counter = 0;
        for (K start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<K, java.util.Iterator<K>>> work = new ArrayDeque<>();
            index.put(start, counter);
            low.put(start, counter++);
            stack.push(start);
            onStack.add(start);
            work.push(Map.entry(start, graph.get(start).iterator()));
            while (!work.isEmpty()) {
                K node = work.peek().getKey();
                java.util.Iterator<K> next = work.peek().getValue();
                if (next.hasNext()) {
                    K dep = next.next();
                    if (!index.containsKey(dep)) {
                        index.put(dep, counter);
                        low.put(dep, counter++);
                        stack.push(dep);
                        onStack.add(dep);
                        work.push(Map.entry(dep, graph.get(dep).iterator()));
                    } else if (onStack.contains(dep)) {
                        low.put(node, Math.min(low.get(node), index.get(dep)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    K parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<K> component = new LinkedHashSet<>();
                    K member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    result.add(component);
                }
            }
        }
        return result;
    }
}
