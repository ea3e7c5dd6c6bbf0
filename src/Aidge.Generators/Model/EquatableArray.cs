using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Aidge.Generators.Model
{
    /// <summary>
    /// An immutable array compared by its elements, so that pipeline models holding lists stay value-equatable and the
    /// incremental generator can tell an unchanged model from a changed one.
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(IEnumerable<T> items)
        {
            _items = items.ToArray();
        }

        public static EquatableArray<T> Empty => default;

        public int Count => _items?.Length ?? 0;

        public T this[int index] => (_items ?? Array.Empty<T>())[index];

        public bool Equals(EquatableArray<T> other) =>
            (_items ?? Array.Empty<T>()).SequenceEqual(other._items ?? Array.Empty<T>());

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            int hash = 17;
            foreach (T item in this)
            {
                hash = unchecked((hash * 31) + (item?.GetHashCode() ?? 0));
            }

            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(items);
    }
}
