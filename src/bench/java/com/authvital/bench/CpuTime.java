package com.authvital.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The CPU time the benchmark thread used in each iteration, reported beside JMH's wall-clock
 * average as the secondary result {@code cpuNanos}: on a shared two-core machine a thread that
 * waits for a core counts the wait in wall time, not in CPU time. {@link JmhRunner} divides it
 * by the iteration's operations.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long startedAt;

    /** CPU nanoseconds of this thread during the iteration; read by JMH after the tear-down. */
    public long cpuNanos;

    @Setup(Level.Iteration)
    public void start() {
        cpuNanos = 0;
        startedAt = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        cpuNanos = THREADS.getCurrentThreadCpuTime() - startedAt;
    }
}
