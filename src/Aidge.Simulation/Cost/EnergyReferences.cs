namespace Aidge.Simulation.Cost;

/// <summary>
/// Energy per operation and per byte from the published 45 nm figures every target here shares: no target publishes
/// its own, and none of them can be measured without power counters. Newer processes spend less per operation, so
/// the energies compare models and targets by their MACs and traffic; they are not measurements of any board.
/// </summary>
public static class EnergyReferences
{
    private const string Horowitz = "M. Horowitz, \"Computing's energy problem\", ISSCC 2014, 45 nm";

    public static Sourced Fp32Mac { get; } = new(4.6, $"{Horowitz}: 32-bit float multiply 3.7 pJ + add 0.9 pJ");

    public static Sourced Int8Mac { get; } = new(0.23, $"{Horowitz}: 8-bit integer multiply 0.2 pJ + add 0.03 pJ");

    public static Sourced DramByte { get; } = new(160, "S. Han et al., \"EIE\", ISCA 2016, Table I (45 nm, after Horowitz): 32-bit DRAM access 640 pJ, 160 pJ per byte");
}
