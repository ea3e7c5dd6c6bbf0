using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Image;

/// <summary>The interpolation attributes of a Resize or Upsample node, with the fixed behaviour of the older versions.</summary>
public sealed record ResizeSettings(string Mode, string CoordinateMode, string NearestMode, double CubicA, bool ExcludeOutside, bool Antialias, double ExtrapolationValue)
{
    public static ResizeSettings From(Node node, OpSchema? schema, int opsetVersion)
    {
        string mode = SchemaAttributes.GetString(node, schema, "mode");
        // Upsample and Resize-10 sample like numpy repetition: asymmetric coordinates, nearest rounds down.
        if (node.OpType == "Upsample" || opsetVersion < 11)
        {
            return new ResizeSettings(mode, "asymmetric", "floor", -0.75, false, false, 0);
        }
        return new ResizeSettings(
            mode,
            SchemaAttributes.GetString(node, schema, "coordinate_transformation_mode"),
            SchemaAttributes.GetString(node, schema, "nearest_mode"),
            SchemaAttributes.GetFloat(node, schema, "cubic_coeff_a"),
            SchemaAttributes.GetInt(node, schema, "exclude_outside") != 0,
            node.GetInt("antialias", 0) != 0 && mode != "nearest",
            SchemaAttributes.GetFloat(node, schema, "extrapolation_value"));
    }
}
