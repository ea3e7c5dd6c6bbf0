/* The thread count one node of run gets: proportional to its work (multiply-adds, or elements read or written, which
   the planner computes from static shapes), at least AIDGE_GRAIN of it per thread, at most what the context allows.
   Below two grains the node runs on the calling thread alone: an OpenMP team of one wakes no worker. Waking a worker
   that sleeps between inferences costs tens of microseconds on an idle machine and milliseconds on a loaded one (it
   waits for a time slice while the caller waits at the join), while 262144 multiply-adds take about 40 microseconds
   on one core: smaller shares cost more to hand out than they save. At 65536 the Digits sample's main convolution
   (295k multiply-adds) still forked, and two threads ran it 300 times slower than one on a busy 2-core machine.
   A build may tune it with -DAIDGE_GRAIN=N. */
#ifndef AIDGE_GRAIN
#define AIDGE_GRAIN 262144
#endif
static int aidge_threads_for(int threads, int64_t work)
{
    int64_t shares = work / AIDGE_GRAIN;
    if (shares < 2) {
        return 1;
    }
    return shares < threads ? (int)shares : threads;
}
