using System.Reflection;
using Aidge.Core.Operators;

namespace Aidge.Export.OpenMp;

/// <summary>An emitter bound to the opset range it implements.</summary>
public sealed record EmitterBinding(IOpenMpEmitter Emitter, OpenMpEmitterAttribute Declaration);

/// <summary>The OpenMP emitters keyed by domain and op type, found by reflection over <see cref="OpenMpEmitterAttribute"/>.</summary>
public sealed class OpenMpEmitterRegistry
{
    private static readonly Lazy<OpenMpEmitterRegistry> DefaultRegistry = new(() => FromAssembly(typeof(OpenMpEmitterRegistry).Assembly));

    private readonly Dictionary<(string Domain, string OpType), List<EmitterBinding>> emitters = new();

    public static OpenMpEmitterRegistry Default => DefaultRegistry.Value;

    public IEnumerable<(string Domain, string OpType, OpenMpEmitterAttribute Declaration)> All =>
        emitters.SelectMany(kv => kv.Value.Select(b => (kv.Key.Domain, kv.Key.OpType, b.Declaration)));

    public static OpenMpEmitterRegistry FromAssembly(Assembly assembly)
    {
        var registry = new OpenMpEmitterRegistry();
        var types = assembly.GetTypes()
            .Where(t => typeof(IOpenMpEmitter).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var declarations = type.GetCustomAttributes<OpenMpEmitterAttribute>().ToList();
            if (declarations.Count == 0)
            {
                continue;
            }
            var emitter = (IOpenMpEmitter)Activator.CreateInstance(type)!;
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
