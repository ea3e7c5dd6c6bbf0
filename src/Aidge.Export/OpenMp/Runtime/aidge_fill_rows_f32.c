/* y[i][j] = scale * c(i,j) for an [m,n] output, c broadcast from [rows,cols] where rows is 1 or m and cols 1 or n
   (Gemm's bias C, written before the product accumulates onto it). */
static void aidge_fill_rows_f32(float* y, const float* c, int64_t m, int64_t n, int64_t rows, int64_t cols, float scale)
{
    for (int64_t i = 0; i < m; i++) {
        const float* crow = c + (rows == 1 ? 0 : i) * cols;
        for (int64_t j = 0; j < n; j++) {
            y[i * n + j] = scale * crow[cols == 1 ? 0 : j];
        }
    }
}
