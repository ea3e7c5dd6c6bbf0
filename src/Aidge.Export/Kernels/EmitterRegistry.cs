using System.Reflection;
using Aidge.Core.Operators;

namespace Aidge.Export.Kernels;

/// <summary>An emitter bound to the opset range it implements.</summary>
public sealed record EmitterBinding(INodeEmitter Emitter, EmitterAttribute Declaration);

/// <summary>One target's emitters keyed by domain and op type, found by reflection over that target's <see cref="EmitterAttribute"/>.</summary>
public sealed class EmitterRegistry
{
    private readonly Dictionary<(string Domain, string OpType), List<EmitterBinding>> emitters = new();

    private EmitterRegistry(string targetName) => TargetName = targetName;

    /// <summary>The target's name as messages show it ("OpenMP", "CUDA").</summary>
    public string TargetName { get; }

    public IEnumerable<(string Domain, string OpType, EmitterAttribute Declaration)> All =>
        emitters.SelectMany(kv => kv.Value.Select(b => (kv.Key.Domain, kv.Key.OpType, b.Declaration)));

    /// <summary>Every <see cref="INodeEmitter"/> class of <paramref name="assembly"/> that carries <typeparamref name="TAttribute"/>.</summary>
    public static EmitterRegistry FromAssembly<TAttribute>(Assembly assembly, string targetName)
        where TAttribute : EmitterAttribute
    {
        var registry = new EmitterRegistry(targetName);
        var types = assembly.GetTypes()
            .Where(t => typeof(INodeEmitter).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var declarations = type.GetCustomAttributes<TAttribute>().ToList();
            if (declarations.Count == 0)
            {
                continue;
            }
            var emitter = (INodeEmitter)Activator.CreateInstance(type)!;
            foreach (var declaration in declarations)
            {
                var key = (OperatorRegistry.NormalizeDomain(declaration.Domain), declaration.OpType);
                if (!registry.emitters.TryGetValue(key, out var list))
                {
                    registry.emitters[key] = list = new List<EmitterBinding>();
                }
                list.Add(new EmitterBinding(emitter, declaration));
            }
        }
        return registry;
    }

    public EmitterBinding? Find(string domain, string opType, int opsetVersion) =>
        emitters.GetValueOrDefault((OperatorRegistry.NormalizeDomain(domain), opType))?
            .Where(b => opsetVersion >= b.Declaration.SinceVersion && opsetVersion <= b.Declaration.LastVersion)
            .MaxBy(b => b.Declaration.SinceVersion);

    public bool Contains(string domain, string opType) => emitters.ContainsKey((OperatorRegistry.NormalizeDomain(domain), opType));
}
