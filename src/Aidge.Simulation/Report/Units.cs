using System.Globalization;

namespace Aidge.Simulation.Report;

/// <summary>Numbers as the report and the build's summary line write them: invariant culture, readable units.</summary>
public static class Units
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Bytes in B, KiB, MiB or GiB, one decimal above bytes.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        int unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes.ToString("0", CultureInfo.InvariantCulture)} B" : $"{bytes.ToString("0.0", CultureInfo.InvariantCulture)} {units[unit]}";
    }

    /// <summary>Seconds in ns, µs, ms or s, three significant digits.</summary>
    public static string Seconds(double seconds) => Scaled(seconds, [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]);

    /// <summary>Joules in nJ, µJ, mJ or J, three significant digits.</summary>
    public static string Joules(double joules) => Scaled(joules, [(1, "J"), (1e-3, "mJ"), (1e-6, "µJ"), (1e-9, "nJ")]);

    /// <summary>A plain number with up to three significant digits, or a large one with an SI prefix (G, M, k).</summary>
    public static string Number(double value) => Math.Abs(value) switch
    {
        >= 1e9 => $"{Significant(value / 1e9)} G",
        >= 1e6 => $"{Significant(value / 1e6)} M",
        >= 1e4 => $"{Significant(value / 1e3)} k",
        _ => Significant(value),
    };

    public static string Percent(double fraction) => $"{(fraction * 100).ToString("0.0", CultureInfo.InvariantCulture)}%";

    private static string Scaled(double value, (double Scale, string Unit)[] units)
    {
        foreach (var (scale, unit) in units)
        {
            if (Math.Abs(value) >= scale)
            {
                return $"{Significant(value / scale)} {unit}";
            }
        }
        return value == 0 ? $"0 {units[0].Unit}" : $"{Significant(value / units[^1].Scale)} {units[^1].Unit}";
    }

    private static string Significant(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
