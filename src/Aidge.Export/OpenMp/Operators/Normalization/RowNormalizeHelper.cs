using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>
/// Standardizes each row of a [rows, cols] tensor (mean and variance in double, two passes) and applies a scale and
/// an optional bias. The parameter of element c of row r is at <c>(r % period) * row_step + (c / col_group) * col_step</c>:
/// per column for LayerNormalization, per channel for InstanceNormalization, per channel or group of a group's block
/// for GroupNormalization. Without <c>center</c> the mean is taken as 0, so the row is divided by its root mean
/// square (RMSNormalization). Optionally stores each row's mean and 1/sqrt(variance + epsilon). Generated per element type.
/// </summary>
public sealed record RowNormalizeHelper(DataType Type) : CHelper
{
    public override string Name => $"aidge_normalize_rows_{CTypes.Tag(Type)}";

    public override string Code()
    {
        string t = CTypes.Of(Type)!;
        var w = new CSourceWriter();
        w.Open($"static void {Name}(int threads, const {t}* in, {t}* out, int64_t rows, int64_t cols, const {t}* scale, int64_t scale_step, const {t}* bias, int64_t bias_step, int64_t col_group, int64_t period, int64_t row_step, double epsilon, int center, {t}* means, {t}* inv_std_devs)");
        w.Line("#pragma omp parallel for num_threads(threads) if (rows * cols > 32768)");
        w.Open("for (int64_t r = 0; r < rows; r++)");
        w.Line($"const {t}* x = in + r * cols;");
        w.Line($"{t}* y = out + r * cols;");
        w.Line("const int64_t p = (r % period) * row_step;");
        w.Line("double sum = 0, squares = 0;");
        w.Open("for (int64_t c = 0; c < cols; c++)");
        w.Line("sum += x[c];");
        w.Close();
        w.Line("const double mean = center && cols > 0 ? sum / cols : 0;");
        w.Open("for (int64_t c = 0; c < cols; c++)");
        w.Line("const double d = x[c] - mean;");
        w.Line("squares += d * d;");
        w.Close();
        w.Line("const double inv = 1 / sqrt((cols > 0 ? squares / cols : 0) + epsilon);");
        w.Open("for (int64_t g = 0, c = 0; g < cols / col_group; g++)");
        w.Line("const double s = scale[p + g * scale_step];");
        w.Line("const double b = bias != NULL ? bias[p + g * bias_step] : 0;");
        w.Open("for (int64_t e = 0; e < col_group; e++, c++)");
        w.Line($"y[c] = ({t})((x[c] - mean) * inv * s + b);");
        w.Close();
        w.Close();
        w.Open("if (means != NULL)");
        w.Line($"means[r] = ({t})mean;");
        w.Close();
        w.Open("if (inv_std_devs != NULL)");
        w.Line($"inv_std_devs[r] = ({t})inv;");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// A call; <paramref name="scaleStep"/>/<paramref name="biasStep"/> step along groups of <paramref name="columnGroup"/>
    /// columns, <paramref name="period"/>/<paramref name="rowStep"/> along rows.
    /// </summary>
    public KernelCall Call(TensorRef input, TensorRef output, long rows, long cols, TensorRef scale, long scaleStep, TensorRef? bias, long biasStep, long period, long rowStep, double epsilon,
        TensorRef? means, TensorRef? invStdDevs, long columnGroup = 1, bool center = true) =>
        new(this, new[]
        {
            NodeContext.Threads, input.Read, output.Write, CLiteral.Int(rows), CLiteral.Int(cols), scale.Read, CLiteral.Int(scaleStep), bias?.Read ?? "NULL", CLiteral.Int(biasStep),
            CLiteral.Int(columnGroup), CLiteral.Int(period), CLiteral.Int(rowStep), CLiteral.Double(epsilon), center ? "1" : "0", means?.Write ?? "NULL", invStdDevs?.Write ?? "NULL",
        }.ToEquatableArray());

    /// <summary>The call of a shared <see cref="RowNormalization"/> analysis (one column per parameter group).</summary>
    public static KernelCall Call(RowNormalization n) =>
        new RowNormalizeHelper(n.Input.Type).Call(n.Input, n.Output, n.Rows, n.Cols, n.Scale, n.ScaleStep, n.Bias, n.BiasStep, n.Period, n.RowStep, n.Epsilon,
            n.Means, n.InvStdDevs, center: n.Center);
}
