using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>
/// Resize against ONNX Runtime: nearest with each nearest_mode, linear and cubic, under each coordinate
/// transformation mode, up and down, by scales and by sizes, with roi, axes, keep_aspect_ratio_policy and antialias.
/// Two things are kept out on purpose, because ORT and the ONNX reference implementation (which the conformance
/// data comes from) disagree there and the simulator follows the reference:
/// - scale × length is always a whole number: when it is not, align_corners and tf_crop_and_resize divide by the
///   fractional output width in the reference and by the integer one in ORT;
/// - scales are binary fractions (0.5, 0.75, 1.5, 2): a source coordinate that is a .5 tie in exact arithmetic then
///   is one in float and in double alike, so nearest picks the same pixel whatever precision computes it
///   (with 0.7, ORT's float coordinate lands on the tie and the simulator's double coordinate just past it).
/// tf_half_pixel_for_nearest (Resize-11 only) is not tested: ONNX Runtime does not implement it.
/// </summary>
[TestClass]
public sealed class ResizeTests
{
    private const string Image = "1,2,6,8";
    private const string Up = "scales=[1.0,1.0,2.0,1.5]";
    private const string Down = "scales=[1.0,1.0,0.5,0.75]";

    private static readonly string[] NearestModes = ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"];

    private static readonly string[] NearestCoordinateModes = ["half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric"];

    private static readonly string[] LinearCoordinateModes =
        ["half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric", "half_pixel_symmetric"];

    /// <summary>coordinate_transformation_mode, cubic_coeff_a, exclude_outside.</summary>
    private static readonly string[] CubicSettings =
    [
        "coordinate_transformation_mode=half_pixel;cubic_coeff_a=-0.75",
        "coordinate_transformation_mode=half_pixel;cubic_coeff_a=-0.5;exclude_outside=1",
        "coordinate_transformation_mode=align_corners;cubic_coeff_a=-0.75",
        "coordinate_transformation_mode=asymmetric;cubic_coeff_a=-0.75",
        "coordinate_transformation_mode=pytorch_half_pixel;cubic_coeff_a=-0.5",
        "coordinate_transformation_mode=half_pixel_symmetric;cubic_coeff_a=-0.75;exclude_outside=1",
    ];

    /// <summary>A crop inside the image on H, and reaching past both edges on W (where extrapolation_value shows).</summary>
    private const string Roi = "roi=[0.0,0.0,0.25,-0.125,1.0,1.0,0.75,1.125]";

    /// <summary>Rows: opset, input dims, mode, attributes, then the roi/scales/sizes inputs written as attributes are.</summary>
    public static IEnumerable<object[]> Cases =>
        NearestModes.SelectMany(n => NearestCoordinateModes.SelectMany(c => new[] { Up, Down }.Select(target =>
            Row(19, Image, "nearest", $"coordinate_transformation_mode={c};nearest_mode={n}", target))))
        .Concat(LinearCoordinateModes.SelectMany(c => new[] { Up, Down }.Select(target =>
            Row(19, Image, "linear", $"coordinate_transformation_mode={c}", target))))
        .Concat(CubicSettings.SelectMany(settings => new[] { Up, Down }.Select(target =>
            Row(19, Image, "cubic", settings, target))))
        .Concat(
        [
            Row(19, Image, "nearest", "coordinate_transformation_mode=tf_crop_and_resize;extrapolation_value=-1.0", $"{Roi};{Up}"),
            Row(19, Image, "linear", "coordinate_transformation_mode=tf_crop_and_resize;extrapolation_value=-1.0", $"{Roi};{Up}"),
            Row(19, Image, "cubic", "coordinate_transformation_mode=tf_crop_and_resize", $"{Roi};{Down}"),
            Row(19, Image, "nearest", "nearest_mode=floor", "sizes=[1,2,9,12]"),
            Row(19, Image, "nearest", "coordinate_transformation_mode=asymmetric", "sizes=[1,2,3,4]"),
            Row(19, Image, "linear", "coordinate_transformation_mode=half_pixel", "sizes=[1,2,9,13]"),
            Row(19, Image, "linear", "coordinate_transformation_mode=align_corners", "sizes=[1,2,3,4]"),
            Row(19, Image, "cubic", "coordinate_transformation_mode=half_pixel", "sizes=[1,2,9,4]"),
            Row(19, Image, "linear", "keep_aspect_ratio_policy=not_larger;axes=[2,3]", "sizes=[9,20]"),
            Row(19, Image, "linear", "keep_aspect_ratio_policy=not_smaller;axes=[2,3]", "sizes=[9,4]"),
            Row(19, Image, "nearest", "axes=[3,2]", "scales=[1.5,2.0]"),
            Row(19, "2,3,8", "nearest", "nearest_mode=ceil", "scales=[1.0,2.0,1.5]"),
            Row(19, "5,6", "linear", "coordinate_transformation_mode=asymmetric", "scales=[2.0,1.5]"),
            Row(18, Image, "linear", "antialias=1", Down),
            Row(18, Image, "cubic", "antialias=1;coordinate_transformation_mode=pytorch_half_pixel", "sizes=[1,2,3,2]"),
            Row(13, Image, "nearest", string.Empty, Up),
            Row(13, Image, "linear", "coordinate_transformation_mode=align_corners", Down),
            Row(13, Image, "cubic", string.Empty, Up),
            // Resize-11 as exporters wrote it: empty roi and scales tensors for "not given".
            Row(11, Image, "nearest", "coordinate_transformation_mode=asymmetric;nearest_mode=floor", Up),
            Row(11, Image, "linear", "coordinate_transformation_mode=half_pixel", "sizes=[1,2,9,12]"),
        ]);

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ResizeMatchesOnnxRuntime(int opset, string input, string mode, string attributes, string inputs)
    {
        var model = new ModelBuilder(opset).Input("X", CaseText.Dims(input));
        var given = CaseText.Attributes(inputs).ToDictionary(i => i.Name, i => i.Value);
        string[] names = ["roi", "scales", "sizes"];
        if (opset < 13)
        {
            // Resize-11 requires roi and scales: an empty tensor stands for "not given".
            given.TryAdd("roi", Array.Empty<float>());
            given.TryAdd("scales", Array.Empty<float>());
        }
        foreach (string name in names.Where(given.ContainsKey))
        {
            if (given[name] is float[] floats)
            {
                model.Initializer(name, floats, floats.Length);
            }
            else
            {
                var longs = (long[])given[name];
                model.Initializer(name, longs, longs.Length);
            }
        }
        // Trailing omitted inputs are dropped; inner ones are named "" as ONNX requires.
        var inputNames = new[] { "X" }.Concat(names.Select(n => given.ContainsKey(n) ? n : string.Empty)).ToList();
        while (inputNames[^1].Length == 0)
        {
            inputNames.RemoveAt(inputNames.Count - 1);
        }
        model.Node("Resize", [.. inputNames], ["Y"], [("mode", mode), .. CaseText.Attributes(attributes)]).Output("Y");
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-5);
    }

    private static object[] Row(int opset, string input, string mode, string attributes, string inputs) =>
        [opset, input, mode, attributes, inputs];
}
