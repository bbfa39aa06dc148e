package io.quiver.matching;

import org.osgi.annotation.versioning.ConsumerType;

/** Sees the levels of one side, best first. */
@ConsumerType
@FunctionalInterface
public interface LevelVisitor {
    void level(Side side, long price, long totalSize, int orderCount);
}
