/* The FIFO type of the HLS target's IOType=stream designs, owned by Aidge.Build.
 * With the Xilinx headers (Vitis HLS, or their copy on the include path) it is their hls::stream.
 * Without them (the C-simulation library built with g++) it is a plain C++ queue with the same
 * read/write/empty/full/size members, unbounded: C simulation runs the dataflow processes one after
 * the other, so a FIFO holds a whole tensor between a writer and its reader. */
#ifndef AIDGE_HLS_STREAM_H
#define AIDGE_HLS_STREAM_H

#if defined(__has_include)
#if __has_include(<hls_stream.h>)
#define AIDGE_HLS_HAVE_XILINX_STREAM 1
#endif
#endif

#ifdef AIDGE_HLS_HAVE_XILINX_STREAM
#include <hls_stream.h>
#else
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>

namespace hls {

template <typename T>
class stream {
public:
    stream() {}
    explicit stream(const char* name) : label(name) {}

    void write(const T& value) { items.push_back(value); }

    /* Reading an empty FIFO would block forever in hardware; in C simulation it is a bug in the design: stop loudly. */
    T read() {
        if (items.empty()) {
            std::fprintf(stderr, "aidge_hls_stream: read from the empty stream %s\n", label != NULL ? label : "(unnamed)");
            std::abort();
        }
        T value = items.front();
        items.pop_front();
        return value;
    }

    void read(T& value) { value = read(); }
    bool empty() const { return items.empty(); }
    bool full() const { return false; }
    std::size_t size() const { return items.size(); }

private:
    stream(const stream&);
    stream& operator=(const stream&);

    std::deque<T> items;
    const char* label = NULL;
};

} /* namespace hls */
#endif

#endif
