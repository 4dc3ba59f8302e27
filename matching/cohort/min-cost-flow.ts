/**
 * The solver behind `assignCohort`: maximum-weight bipartite b-matching as a min-cost flow
 * people → vacancies (capacity 1 per edge, cost −fit) → sink (capacity positions), where each
 * person also has an arc straight to the sink (cost 0: "not placed"), so that every person is
 * routed and the cheapest such flow is the best assignment. Successive shortest paths, one
 * person at a time (as the Hungarian method adds rows), with Johnson potentials and a
 * binary-heap Dijkstra that stops at the sink. Everything lives in typed arrays (compressed
 * adjacency, arcs in pairs a and a ^ 1), so the inner loop allocates nothing.
 */

/** The bipartite problem in packed form; `edgePerson`/`edgeVacancy` are 0-based indices. */
export interface PackedAssignment {
  people: number;
  /** Capacity of each vacancy (≥ 1). */
  positions: Int32Array;
  edgePerson: Int32Array;
  edgeVacancy: Int32Array;
  edgeFit: Float64Array;
}

/**
 * Which edges the maximum-weight assignment takes: 1 for a taken edge, 0 otherwise.
 *
 * Person q is added with the potential max(sink, max over its edges of vacancy + fit), which
 * keeps every residual arc's reduced cost ≥ 0; the shortest path from q to the sink then moves
 * placed people along (each reverse arc gives a place back) and ends at a vacancy with a
 * position left or at someone's "not placed" arc. With people 0…q placed optimally and dual
 * feasibility kept, this is the optimum for people 0…q; after the last person, for all.
 * Distances are reduced costs; the potentials rise by min(distance, sink distance), kept as a
 * common offset plus per-node corrections so that a search costs only the nodes it touches.
 */
export function solveAssignment(problem: PackedAssignment): Uint8Array {
  const P = problem.people;
  const V = problem.positions.length;
  const E = problem.edgeFit.length;
  const N = P + V + 1;
  const T = N - 1;
  const A = 2 * (E + V + P);
  const to = new Int32Array(A);
  const cap = new Int32Array(A);
  const cost = new Float64Array(A);
  let next = 0;
  const arc = (from: number, head: number, capacity: number, c: number) => {
    to[next] = head;
    cap[next] = capacity;
    cost[next] = c;
    to[next + 1] = from;
    cost[next + 1] = -c;
    next += 2;
  };
  for (let e = 0; e < E; e++)
    arc(problem.edgePerson[e]!, P + problem.edgeVacancy[e]!, 1, -problem.edgeFit[e]!);
  for (let v = 0; v < V; v++) arc(P + v, T, problem.positions[v]!, 0);
  for (let p = 0; p < P; p++) arc(p, T, 1, 0);

  // Compressed adjacency: the arcs leaving each node, in arc order.
  const start = new Int32Array(N + 1);
  for (let a = 0; a < A; a++) start[to[a ^ 1]! + 1]!++;
  for (let u = 0; u < N; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, N);
  const adjacent = new Int32Array(A);
  for (let a = 0; a < A; a++) adjacent[fill[to[a ^ 1]!]!++] = a;

  // Potential of u = stored[u] + offset; all 0 before anyone is added (only v → sink arcs).
  const stored = new Float64Array(N);
  let offset = 0;
  const dist = new Float64Array(N);
  const stamp = new Int32Array(N).fill(-1);
  const viaArc = new Int32Array(N);
  const touched = new Int32Array(N);
  const heap = new NodeHeap(A + 1);
  for (let q = 0; q < P; q++) {
    let potential = stored[T]! + offset;
    for (let i = start[q]!, end = start[q + 1]!; i < end; i++) {
      const a = adjacent[i]!;
      potential = Math.max(potential, stored[to[a]!]! + offset - cost[a]!);
    }
    stored[q] = potential - offset;

    let count = 0;
    dist[q] = 0;
    stamp[q] = q;
    touched[count++] = q;
    heap.clear();
    heap.push(0, q);
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (d > dist[u]!) continue;
      if (u === T) break;
      const pu = stored[u]!;
      for (let i = start[u]!, end = start[u + 1]!; i < end; i++) {
        const a = adjacent[i]!;
        if (cap[a]! <= 0) continue;
        const w = to[a]!;
        // Reduced costs are ≥ 0 in exact arithmetic; clamping rounding keeps Dijkstra sound.
        const nd = d + Math.max(0, cost[a]! + pu - stored[w]!);
        if (stamp[w] !== q) {
          stamp[w] = q;
          touched[count++] = w;
        } else if (nd >= dist[w]!) continue;
        dist[w] = nd;
        viaArc[w] = a;
        heap.push(nd, w);
      }
    }
    // The sink is always reached: q's own "not placed" arc leads there.
    const dT = dist[T]!;
    offset += dT;
    for (let i = 0; i < count; i++) {
      const u = touched[i]!;
      if (dist[u]! < dT) stored[u]! += dist[u]! - dT;
    }
    for (let u = T; u !== q;) {
      const a = viaArc[u]!;
      cap[a]!--;
      cap[a ^ 1]!++;
      u = to[a ^ 1]!;
    }
  }
  const taken = new Uint8Array(E);
  for (let e = 0; e < E; e++) taken[e] = cap[2 * e] === 0 ? 1 : 0;
  return taken;
}

/** A binary min-heap of (distance, node), ties by node index, with lazy deletion by the caller. */
class NodeHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity + 1);
    this.nodes = new Int32Array(capacity + 1);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(key, node, parent)) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes the least entry and returns its node. */
  pop(): number {
    const top = this.nodes[0]!;
    const last = --this.size;
    const key = this.keys[last]!;
    const node = this.nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.before(this.keys[child + 1]!, this.nodes[child + 1]!, child))
        child++;
      if (!this.before(this.keys[child]!, this.nodes[child]!, i, key, node)) break;
      this.keys[i] = this.keys[child]!;
      this.nodes[i] = this.nodes[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }

  /** Whether (key, node) comes before the entry at `slot`, or before (slotKey, slotNode) if given. */
  private before(
    key: number,
    node: number,
    slot: number,
    slotKey = this.keys[slot]!,
    slotNode = this.nodes[slot]!,
  ): boolean {
    return key < slotKey || (key === slotKey && node < slotNode);
  }
}
