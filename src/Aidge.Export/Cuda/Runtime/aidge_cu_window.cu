/* The window of a convolution or pool as the kernels take it, by value: three spatial entries each (fewer spatial
   dims are padded in front with size-1 ones), begin pads, and end pads (which only count_include_pad reads). */
struct aidge_cu_window
{
    int in[3];
    int out[3];
    int kernel[3];
    int stride[3];
    int dilation[3];
    int pad[3];
    int pad_end[3];
};
