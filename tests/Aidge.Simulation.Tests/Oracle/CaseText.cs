using System.Globalization;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>
/// Reads the compact text that [DataRow]s use to describe a case, so that rows stay one line and test names
/// say what they test: dims as "1,3,8,8" ("" is a scalar) and attributes as "group=2;pads=[0,1,2,0];auto_pad=VALID".
/// </summary>
internal static class CaseText
{
    public static long[] Dims(string text) =>
        text.Length == 0 ? [] : text.Split(',').Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToArray();

    public static float[] Floats(string text) =>
        text.Split(',').Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// "name=value" pairs separated by ';': [a,b] is a list (of floats if any element has a '.', else of ints),
    /// a number with a '.' is a float, another number an int, anything else a string.
    /// </summary>
    public static (string Name, object Value)[] Attributes(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (parts[0], AttributeValue(parts[1])))
            .ToArray();

    private static object AttributeValue(string text)
    {
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            string inner = text[1..^1];
            return inner.Contains('.') ? Floats(inner) : Dims(inner);
        }
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long integer))
        {
            return integer;
        }
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float real))
        {
            return real;
        }
        return text;
    }
}
