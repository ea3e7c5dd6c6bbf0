using Aidge.Core.Graphs;

namespace Aidge.Simulation.Runtime;

/// <summary>Run-time values of one graph execution; a subgraph's scope falls back to its parent for outer-scope values.</summary>
internal sealed class Scope
{
    private readonly Dictionary<Value, object?> values = new(ReferenceEqualityComparer.Instance);

    public Scope(Scope? parent) => Parent = parent;

    public Scope? Parent { get; }

    public bool TryGet(Value value, out object? result)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.values.TryGetValue(value, out result))
            {
                return true;
            }
        }
        result = null;
        return false;
    }

    public void Set(Value value, object? result) => values[value] = result;

    public void Remove(Value value) => values.Remove(value);

    public IEnumerable<KeyValuePair<Value, object?>> Local => values;
}
