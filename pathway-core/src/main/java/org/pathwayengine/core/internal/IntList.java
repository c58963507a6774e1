package org.pathwayengine.core.internal;

import java.util.Arrays;

/** A growable list of ints without boxing. */
final class IntList {
  private int[] items = new int[4];
  private int size;

  void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = value;
  }

  int get(int i) {
    return items[i];
  }

  void set(int i, int value) {
    items[i] = value;
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  int[] toArray() {
    return Arrays.copyOf(items, size);
  }
}
