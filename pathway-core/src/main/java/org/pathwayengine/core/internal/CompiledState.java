package org.pathwayengine.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One learner's evaluated state over a {@link CompiledPathway}, updated incrementally when one badge
 * starts or stops counting.
 *
 * <p>Every threshold cell keeps the weighted count of its holding children. When a badge's input
 * changes, the changed cells are visited in topological order through a binary heap of cell numbers
 * (cells are numbered topologically): a visited cell compares its counter with its threshold (a
 * fallback cell re-evaluates its expression), and when its state flips it moves each parent's counter
 * by the edge weight and schedules the parent. Each affected cell is visited once per update, so an
 * update costs O(a log a) for the a cells whose counters change, independent of the pathway's size.
 *
 * <p>Mutable and not thread-safe; the compiled pathway it reads is shared.
 */
public final class CompiledState {
  private final CompiledPathway cp;
  private final long[] base;
  private final boolean[] state;
  private final long[] counter;
  private int[] heap = new int[64];
  private int heapSize;
  private final boolean[] scheduled;

  /** The state of a learner whose counting badges are {@code base}, by one full evaluation. */
  public CompiledState(CompiledPathway cp, long[] base) {
    this.cp = requireNonNull(cp, "compiled pathway");
    requireNonNull(base, "base");
    this.base = Arrays.copyOf(base, cp.words());
    int n = cp.badgeCount();
    if (n % 64 != 0 && this.base.length > 0) {
      this.base[this.base.length - 1] &= (1L << n) - 1;
    }
    int cells = cp.cells();
    this.state = new boolean[cells];
    this.counter = new long[cells];
    this.scheduled = new boolean[cells];
    cp.setInputs(this.base, state);
    for (int c = 0; c < cells; c++) {
      byte k = cp.kind(c);
      if (k == CompiledPathway.THRESHOLD) {
        long sum = 0;
        for (int e = cp.childStart(c), end = cp.childStart(c + 1); e < end; e++) {
          if (state[cp.childCell(e)]) {
            sum += cp.childWeight(e);
          }
        }
        counter[c] = sum;
        state[c] = sum >= cp.threshold(c);
      } else if (k == CompiledPathway.FALLBACK) {
        state[c] = cp.evaluateFallback(c, state);
      }
    }
  }

  private boolean has(int b) {
    return (base[b >>> 6] & (1L << b)) != 0;
  }

  /**
   * Makes badge {@code b} count (or stop counting) in the learner's base set and propagates the
   * change.
   *
   * @return whether the base set changed
   */
  public boolean set(int b, boolean counts) {
    if (b < 0 || b >= cp.badgeCount()) {
      throw new IndexOutOfBoundsException("badge index " + b + " out of 0.." + cp.badgeCount());
    }
    if (has(b) == counts) {
      return false;
    }
    base[b >>> 6] ^= 1L << b;
    int cell = cp.inputCellOfBadge(b);
    state[cell] = counts;
    flipped(cell);
    drain();
    return true;
  }

  private void flipped(int c) {
    boolean on = state[c];
    for (int e = cp.parentStart(c), end = cp.parentStart(c + 1); e < end; e++) {
      int p = cp.parentCell(e);
      long w = cp.parentWeight(e);
      counter[p] += on ? w : -w;
      schedule(p);
    }
  }

  private void drain() {
    while (heapSize > 0) {
      int c = pop();
      scheduled[c] = false;
      boolean now = cp.kind(c) == CompiledPathway.FALLBACK
          ? cp.evaluateFallback(c, state)
          : counter[c] >= cp.threshold(c);
      if (now != state[c]) {
        state[c] = now;
        flipped(c);
      }
    }
  }

  private void schedule(int c) {
    if (scheduled[c]) {
      return;
    }
    scheduled[c] = true;
    if (heapSize == heap.length) {
      heap = Arrays.copyOf(heap, heapSize * 2);
    }
    int i = heapSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] <= c) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = c;
  }

  private int pop() {
    int top = heap[0];
    int last = heap[--heapSize];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= heapSize) {
        break;
      }
      if (child + 1 < heapSize && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= last) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Whether badge {@code b} counts in the learner's base set. */
  public boolean counts(int b) {
    return has(b);
  }

  /** Whether badge {@code b} is held. */
  public boolean isHeld(int b) {
    return state[cp.heldCell(b)];
  }

  /** Whether badge {@code b} can be started now. */
  public boolean isEligible(int b) {
    int el = cp.eligibleCell(b);
    return el >= 0 && state[el];
  }

  /** Whether badge {@code b} is held directly: it counts, or it is a credential awarded. */
  public boolean isDirect(int b) {
    return state[cp.directCell(b)];
  }

  /** The base set (a copy). */
  public long[] base() {
    return base.clone();
  }

  /** The held and eligible bitsets now. */
  public CompiledPathway.Result result() {
    return cp.result(state);
  }
}
