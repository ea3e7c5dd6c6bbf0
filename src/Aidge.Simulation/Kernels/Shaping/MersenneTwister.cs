namespace Aidge.Simulation.Kernels.Shaping;

/// <summary>
/// MT19937 seeded as NumPy's legacy <c>np.random.seed(int)</c> does, drawing doubles as its <c>random_sample</c>
/// does (53 bits from two outputs). Training-mode Dropout draws its mask from it, so a given seed reproduces
/// the ONNX reference implementation's mask exactly.
/// </summary>
public sealed class MersenneTwister
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] state = new uint[N];
    private int index = N;

    public MersenneTwister(uint seed)
    {
        state[0] = seed;
        for (int i = 1; i < N; i++)
        {
            state[i] = 1812433253u * (state[i - 1] ^ (state[i - 1] >> 30)) + (uint)i;
        }
    }

    /// <summary>A double uniformly drawn from [0, 1).</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    public uint NextUInt32()
    {
        if (index >= N)
        {
            Twist();
        }
        uint y = state[index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (state[i] & 0x80000000u) | (state[(i + 1) % N] & 0x7fffffffu);
            state[i] = state[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }
        index = 0;
    }
}
