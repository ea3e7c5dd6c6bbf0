using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>
/// The blocked GEMM of <see cref="BlockedGemm"/> for one element type and vector width, in the GotoBLAS/BLIS
/// layout: op(B) is packed KC×NC at a time into slivers NR columns wide, op(A) MC×KC at a time into slivers MR
/// rows tall (scaled by alpha on the way), so that the register-blocked micro-kernel streams both operands
/// contiguously from cache while its MR×NR accumulator tile stays in registers.
/// </summary>
internal static unsafe class GemmDriver<T, TVector, TLanes>
    where T : unmanaged, INumber<T>
    where TVector : unmanaged
    where TLanes : ISimdLanes<T, TVector>
{
    /// <summary>Rows of the register tile: 6 rows × 2 vectors = 12 accumulators, leaving room for 2 B vectors and 1 A broadcast in 16 registers.</summary>
    private const int MR = 6;

    /// <summary>Depth of a packed panel: one NR-wide sliver of B (KC×NR) fits in L1 next to the current A sliver.</summary>
    private const int KC = 256;

    /// <summary>Rows of the packed A block (a multiple of MR), sized to stay in L2.</summary>
    private const int MC = 96;

    /// <summary>Columns of the packed B panel, sized for L3.</summary>
    private const int NC = 768;

    private static int NR => 2 * TLanes.Count;

    public static void Run(int m, int n, int k, T* a, int lda, bool transA, T* b, int ldb, bool transB, T* c, int ldc, T alpha, T beta)
    {
        ScaleOutput(m, n, c, ldc, beta);
        if (m == 0 || n == 0 || k == 0 || alpha == T.Zero)
        {
            return;
        }
        int nr = NR;
        int panelColumns = (Math.Min(NC, n) + nr - 1) / nr * nr;
        T[] packedA = ArrayPool<T>.Shared.Rent(MC * KC);
        T[] packedB = ArrayPool<T>.Shared.Rent(KC * panelColumns);
        T* edge = stackalloc T[MR * 2 * 64 / sizeof(T)];
        try
        {
            fixed (T* pa = packedA, pb = packedB)
            {
                for (int jc = 0; jc < n; jc += NC)
                {
                    int nc = Math.Min(NC, n - jc);
                    for (int pc = 0; pc < k; pc += KC)
                    {
                        int kc = Math.Min(KC, k - pc);
                        PackB(b, ldb, transB, pc, jc, kc, nc, pb);
                        for (int ic = 0; ic < m; ic += MC)
                        {
                            int mc = Math.Min(MC, m - ic);
                            PackA(a, lda, transA, ic, pc, mc, kc, alpha, pa);
                            MultiplyBlock(mc, nc, kc, pa, pb, c + (long)ic * ldc + jc, ldc, edge);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedA);
            ArrayPool<T>.Shared.Return(packedB);
        }
    }

    private static void ScaleOutput(int m, int n, T* c, int ldc, T beta)
    {
        if (beta == T.One)
        {
            return;
        }
        for (int i = 0; i < m; i++)
        {
            var row = new Span<T>(c + (long)i * ldc, n);
            if (beta == T.Zero)
            {
                row.Clear();
                continue;
            }
            for (int j = 0; j < row.Length; j++)
            {
                row[j] *= beta;
            }
        }
    }

    /// <summary>Packs op(B)[pc.., jc..] (kc×nc) as NR-wide slivers of kc rows.</summary>
    private static void PackB(T* b, int ldb, bool transB, int pc, int jc, int kc, int nc, T* packed)
    {
        T* corner = transB ? b + (long)jc * ldb + pc : b + (long)pc * ldb + jc;
        PackPanel(corner, transB ? ldb : 1, transB ? 1 : ldb, nc, kc, NR, T.One, packed);
    }

    /// <summary>Packs alpha·op(A)[ic.., pc..] (mc×kc) as MR-tall slivers of kc columns.</summary>
    private static void PackA(T* a, int lda, bool transA, int ic, int pc, int mc, int kc, T alpha, T* packed)
    {
        T* corner = transA ? a + (long)pc * lda + ic : a + (long)ic * lda + pc;
        PackPanel(corner, transA ? 1 : lda, transA ? lda : 1, mc, kc, MR, alpha, packed);
    }

    /// <summary>
    /// Packs a block of <paramref name="lanes"/> rows of A or columns of B, each <paramref name="depth"/> long, into
    /// slivers of <paramref name="width"/> lanes: sliver by sliver, depth step by depth step, the sliver's lanes
    /// side by side (scaled, and zero past the last lane). Element (lane l, depth p) is at source[l·laneStride + p·depthStride].
    /// </summary>
    private static void PackPanel(T* source, long laneStride, long depthStride, int lanes, int depth, int width, T scale, T* packed)
    {
        int w = TLanes.Count;
        for (int l0 = 0; l0 < lanes; l0 += width)
        {
            int count = Math.Min(width, lanes - l0);
            T* sliver = packed + (long)l0 * depth;
            T* origin = source + l0 * laneStride;
            if (laneStride == 1 && count == 2 * w && width == 2 * w && scale == T.One)
            {
                // The common B case: each depth step moves two whole vectors.
                for (int p = 0; p < depth; p++)
                {
                    T* row = origin + p * depthStride;
                    TLanes.Store(sliver + p * width, TLanes.Load(row));
                    TLanes.Store(sliver + p * width + w, TLanes.Load(row + w));
                }
                continue;
            }
            for (int l = 0; l < width; l++)
            {
                T* lane = origin + l * laneStride;
                for (int p = 0; p < depth; p++)
                {
                    sliver[p * width + l] = l < count ? scale * lane[p * depthStride] : T.Zero;
                }
            }
        }
    }

    /// <summary>C[mc×nc] += packed A block × packed B panel, one MR×NR tile at a time (B sliver outer so it stays in L1).</summary>
    private static void MultiplyBlock(int mc, int nc, int kc, T* packedA, T* packedB, T* c, int ldc, T* edge)
    {
        int nr = NR;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            T* sliverB = packedB + (long)jr * kc;
            for (int ir = 0; ir < mc; ir += MR)
            {
                int rows = Math.Min(MR, mc - ir);
                T* tile = c + (long)ir * ldc + jr;
                if (rows == MR && cols == nr)
                {
                    MicroKernel(kc, packedA + (long)ir * kc, sliverB, tile, ldc);
                    continue;
                }
                // Edge tile: accumulate a full tile into scratch, then add only the valid part to C.
                new Span<T>(edge, MR * nr).Clear();
                MicroKernel(kc, packedA + (long)ir * kc, sliverB, edge, nr);
                for (int r = 0; r < rows; r++)
                {
                    for (int j = 0; j < cols; j++)
                    {
                        tile[(long)r * ldc + j] += edge[r * nr + j];
                    }
                }
            }
        }
    }

    /// <summary>C[MR×NR] += A sliver (kc×MR) × B sliver (kc×NR), accumulators held in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel(int kc, T* a, T* b, T* c, int ldc)
    {
        int w = TLanes.Count;
        TVector c00 = TLanes.Zero, c01 = TLanes.Zero, c10 = TLanes.Zero, c11 = TLanes.Zero, c20 = TLanes.Zero, c21 = TLanes.Zero;
        TVector c30 = TLanes.Zero, c31 = TLanes.Zero, c40 = TLanes.Zero, c41 = TLanes.Zero, c50 = TLanes.Zero, c51 = TLanes.Zero;
        for (int p = 0; p < kc; p++)
        {
            TVector b0 = TLanes.Load(b);
            TVector b1 = TLanes.Load(b + w);
            TVector ai = TLanes.Broadcast(a[0]);
            c00 = TLanes.MultiplyAdd(ai, b0, c00);
            c01 = TLanes.MultiplyAdd(ai, b1, c01);
            ai = TLanes.Broadcast(a[1]);
            c10 = TLanes.MultiplyAdd(ai, b0, c10);
            c11 = TLanes.MultiplyAdd(ai, b1, c11);
            ai = TLanes.Broadcast(a[2]);
            c20 = TLanes.MultiplyAdd(ai, b0, c20);
            c21 = TLanes.MultiplyAdd(ai, b1, c21);
            ai = TLanes.Broadcast(a[3]);
            c30 = TLanes.MultiplyAdd(ai, b0, c30);
            c31 = TLanes.MultiplyAdd(ai, b1, c31);
            ai = TLanes.Broadcast(a[4]);
            c40 = TLanes.MultiplyAdd(ai, b0, c40);
            c41 = TLanes.MultiplyAdd(ai, b1, c41);
            ai = TLanes.Broadcast(a[5]);
            c50 = TLanes.MultiplyAdd(ai, b0, c50);
            c51 = TLanes.MultiplyAdd(ai, b1, c51);
            a += MR;
            b += 2 * w;
        }
        AddRow(c, w, c00, c01);
        AddRow(c + ldc, w, c10, c11);
        AddRow(c + 2L * ldc, w, c20, c21);
        AddRow(c + 3L * ldc, w, c30, c31);
        AddRow(c + 4L * ldc, w, c40, c41);
        AddRow(c + 5L * ldc, w, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(T* row, int w, TVector left, TVector right)
    {
        TLanes.Store(row, TLanes.Add(TLanes.Load(row), left));
        TLanes.Store(row + w, TLanes.Add(TLanes.Load(row + w), right));
    }
}
