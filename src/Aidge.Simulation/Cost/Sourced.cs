namespace Aidge.Simulation.Cost;

/// <summary>
/// A constant of the cost model and where it comes from: a datasheet, a paper, a measurement on this machine, or a
/// stated assumption. Every number a report shows about a target carries one, so a reader can check or replace it.
/// </summary>
public sealed record Sourced(double Value, string Source)
{
    public static Sourced Measured(double value, string what) => new(value, $"measured on this machine: {what}");

    public static Sourced Assumed(double value, string why) => new(value, $"assumption: {why}");
}
