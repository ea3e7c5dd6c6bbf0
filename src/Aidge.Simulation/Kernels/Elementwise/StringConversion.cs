using System.Globalization;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Cast between strings and numbers. Parsing accepts plain and scientific notation and, ignoring case, "INF",
/// "+INF", "-INF" and "NaN"; formatting writes what numpy's <c>astype(str)</c> writes (shortest round-trip digits,
/// "1.0", "1e-05", "nan", "inf", "True"), since ONNX's reference implementation is numpy.
/// </summary>
public static class StringConversion
{
    /// <summary>
    /// Parses a string tensor into int64 when the target is an integer type (integers exactly, other numbers
    /// truncated toward zero), otherwise into double; the caller converts that to the target.
    /// </summary>
    public static Tensor Parse(Tensor strings, DataType target)
    {
        var values = strings.Strings;
        var dims = (long[])strings.Dims.Clone();
        if (target.IsInteger())
        {
            var integers = new long[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                integers[i] = long.TryParse(values[i].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long exact)
                    ? exact
                    : (long)ParseNumber(values[i]);
            }
            return Tensor.FromArray(integers, dims);
        }
        var numbers = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            numbers[i] = ParseNumber(values[i]);
        }
        return Tensor.FromSpan<double>(DataType.Double, dims, numbers);
    }

    public static Tensor Format(Tensor x)
    {
        var result = new string[x.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = x.Type switch
            {
                DataType.Bool => x.Span<byte>()[i] != 0 ? "True" : "False",
                DataType.Float => FormatFloat(x.Span<float>()[i], x.Span<float>()[i].ToString("R", CultureInfo.InvariantCulture)),
                DataType.Double => FormatFloat(x.Span<double>()[i], x.Span<double>()[i].ToString("R", CultureInfo.InvariantCulture)),
                DataType.Float16 => FormatFloat((double)x.Span<Half>()[i], x.Span<Half>()[i].ToString(CultureInfo.InvariantCulture)),
                DataType.BFloat16 => FormatFloat(x.Span<BFloat16>()[i].ToSingle(), x.Span<BFloat16>()[i].ToString()),
                DataType.UInt64 => x.Span<ulong>()[i].ToString(CultureInfo.InvariantCulture),
                _ => x.GetInt64(i).ToString(CultureInfo.InvariantCulture),
            };
        }
        return Tensor.FromStrings((long[])x.Dims.Clone(), result);
    }

    private static double ParseNumber(string text)
    {
        string trimmed = text.Trim();
        string unsigned = trimmed.TrimStart('+', '-');
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        }
        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new ArgumentException($"Cast cannot read '{text}' as a number.");
    }

    /// <summary>Rewrites .NET's shortest round-trip text in Python's spelling.</summary>
    private static string FormatFloat(double value, string roundTrip)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        string text = roundTrip.Replace('E', 'e');
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }
}
