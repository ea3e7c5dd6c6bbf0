using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Image;

/// <summary>The interpolation attributes of a Resize or Upsample node, with the fixed behaviour of the older versions.</summary>
public sealed record ResizeSettings(string Mode, string CoordinateMode, string NearestMode, double CubicA, bool ExcludeOutside, bool Antialias, double ExtrapolationValue)
{
    public static ResizeSettings From(KernelContext context)
    {
        string mode = context.GetString("mode");
        // Upsample and Resize-10 sample like numpy repetition: asymmetric coordinates, nearest rounds down.
        if (context.Node.OpType == "Upsample" || context.OpsetVersion < 11)
        {
            return new ResizeSettings(mode, "asymmetric", "floor", -0.75, false, false, 0);
        }
        return new ResizeSettings(
            mode,
            context.GetString("coordinate_transformation_mode"),
            context.GetString("nearest_mode"),
            context.GetFloat("cubic_coeff_a"),
            context.GetInt("exclude_outside") != 0,
            context.GetInt("antialias", 0) != 0 && mode != "nearest",
            context.GetFloat("extrapolation_value"));
    }
}
