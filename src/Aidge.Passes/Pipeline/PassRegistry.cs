using System.Reflection;
using Aidge.Core.Diagnostics;

namespace Aidge.Passes.Pipeline;

/// <summary>
/// Every pass of this assembly by name, found by reflection (each <see cref="IPass"/> class with a public
/// parameterless constructor), so adding a pass is adding one file.
/// </summary>
public sealed class PassRegistry
{
    private static readonly Lazy<PassRegistry> DefaultRegistry = new(() => FromAssembly(typeof(IPass).Assembly));
    private readonly Dictionary<string, IPass> passes = new(StringComparer.Ordinal);

    public static PassRegistry Default => DefaultRegistry.Value;

    public IEnumerable<IPass> All => passes.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public static PassRegistry FromAssembly(Assembly assembly)
    {
        var registry = new PassRegistry();
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsClass && !type.IsAbstract && typeof(IPass).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                registry.Add((IPass)Activator.CreateInstance(type)!);
            }
        }
        return registry;
    }

    public void Add(IPass pass)
    {
        if (!passes.TryAdd(pass.Name, pass))
        {
            throw new InvalidOperationException($"Two passes are named '{pass.Name}'.");
        }
    }

    public IPass Get(string name) => passes.GetValueOrDefault(name)
        ?? throw new AidgeException(DiagnosticCodes.UnknownPass, $"There is no pass named '{name}'; `aidgec passes` lists them.");
}
