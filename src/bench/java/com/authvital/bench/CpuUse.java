package com.authvital.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Who used the machine's CPUs between two readings of {@code /proc}: the benchmark's own
 * processes (this JVM with the load driver and the stand-in, the Liberty server) and everything
 * else, including time the hypervisor gave another guest ({@code steal}). On a shared machine a
 * figure measured while someone else's build ran then says so, where the load average cannot
 * tell the benchmark's own threads from others'. Linux only; elsewhere it says "unknown".
 */
final class CpuUse {

    private final long total;
    private final long busy;
    private final long steal;
    private final long ours;

    private CpuUse(long total, long busy, long steal, long ours) {
        this.total = total;
        this.busy = busy;
        this.steal = steal;
        this.ours = ours;
    }

    /** A reading now; {@code pids}: the benchmark's processes besides this one (0 for unknown). */
    static CpuUse now(long... pids) {
        try {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice, in clock ticks
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = new long[8];
            long total = 0;
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Long.parseLong(cpu[i + 1]);
                total += ticks[i];
            }
            long ours = processTicks(ProcessHandle.current().pid());
            for (long pid : pids) {
                ours += pid > 0 ? processTicks(pid) : 0;
            }
            return new CpuUse(total, ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6], ticks[7], ours);
        } catch (IOException | RuntimeException e) {
            return new CpuUse(0, 0, 0, 0);
        }
    }

    /** "benchmark 93%, others 4%, steal 1% of the CPU time", from {@code start} to this reading. */
    String since(CpuUse start) {
        long elapsed = total - start.total;
        if (total == 0 || start.total == 0 || elapsed <= 0) {
            return "CPU use unknown";
        }
        long benchmark = ours - start.ours;
        long others = Math.max(0, busy - start.busy - benchmark);
        return String.format(Locale.ROOT, "CPU time: benchmark %.0f%%, others %.0f%%, steal %.0f%%",
                100.0 * benchmark / elapsed, 100.0 * others / elapsed, 100.0 * (steal - start.steal) / elapsed);
    }

    /** User and system clock ticks of a process (fields 14 and 15 of its stat, after the name). */
    private static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
