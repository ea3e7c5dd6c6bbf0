using System.Reflection;
using Aidge.Core.Operators;

namespace Aidge.Simulation.Runtime;

/// <summary>A kernel bound to the opset range it implements.</summary>
public sealed record KernelBinding(IKernel Kernel, KernelAttribute Declaration);

/// <summary>The simulator's kernels, keyed by domain and op type, found by reflection over <see cref="KernelAttribute"/>.</summary>
public sealed class KernelRegistry
{
    private static readonly Lazy<KernelRegistry> DefaultRegistry = new(() => FromAssembly(typeof(KernelRegistry).Assembly));

    private readonly Dictionary<(string Domain, string OpType), List<KernelBinding>> kernels = new();

    public static KernelRegistry Default => DefaultRegistry.Value;

    public IEnumerable<(string Domain, string OpType, KernelAttribute Declaration)> All =>
        kernels.SelectMany(kv => kv.Value.Select(b => (kv.Key.Domain, kv.Key.OpType, b.Declaration)));

    public static KernelRegistry FromAssembly(Assembly assembly)
    {
        var registry = new KernelRegistry();
        foreach (var type in assembly.GetTypes().Where(t => typeof(IKernel).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var declarations = type.GetCustomAttributes<KernelAttribute>().ToList();
            if (declarations.Count == 0)
            {
                continue;
            }
            var kernel = (IKernel)Activator.CreateInstance(type)!;
            foreach (var declaration in declarations)
            {
                registry.Add(kernel, declaration);
            }
        }
        return registry;
    }

    public void Add(IKernel kernel, KernelAttribute declaration)
    {
        var key = (OperatorRegistry.NormalizeDomain(declaration.Domain), declaration.OpType);
        if (!kernels.TryGetValue(key, out var list))
        {
            kernels[key] = list = new List<KernelBinding>();
        }
        list.Add(new KernelBinding(kernel, declaration));
    }

    public KernelBinding? Find(string domain, string opType, int opsetVersion) =>
        kernels.GetValueOrDefault((OperatorRegistry.NormalizeDomain(domain), opType))?
            .Where(b => opsetVersion >= b.Declaration.SinceVersion && opsetVersion <= b.Declaration.LastVersion)
            .MaxBy(b => b.Declaration.SinceVersion);
}
