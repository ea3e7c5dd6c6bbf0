using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Aidge.Generators.Naming
{
    /// <summary>
    /// Derives short, idiomatic and unique C# names for a model's inputs and outputs from their raw ONNX names:
    /// <c>StatefulPartitionedCall/dense_2/Softmax:0</c> becomes <c>softmax</c> / <c>Softmax</c>.
    /// </summary>
    internal sealed class TensorNamer
    {
        // Every name the generated class and its output record declare besides the per-tensor ones, so that a tensor
        // can never shadow or collide with them (a member named like its class is even an error, CS0542).
        private static readonly string[] GeneratedNames =
        {
            "Run", "Dispose", "Threads", "NativeApi", "ReleaseContext", "inputPointers", "outputPointers", "status",
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
            "EqualityContract", "Deconstruct", "PrintMembers",
        };

        private readonly HashSet<string> _taken = new HashSet<string>(GeneratedNames, System.StringComparer.Ordinal);

        public TensorNamer(string className)
        {
            _taken.Add(className);
            _taken.Add(className + "Outputs");
        }

        /// <summary>Names one tensor; call in graph order (inputs, then outputs) so that collisions resolve deterministically.</summary>
        public (string ParameterName, string PropertyName) Name(string onnxName, string role)
        {
            IReadOnlyList<string> words = MeaningfulWords(onnxName, role);
            if (char.IsDigit(words[0][0]))
            {
                words = new[] { role }.Concat(words).ToList();
            }
            else if (CSharpIdentifiers.IsKeyword(IdentifierWords.ToCamelCase(words)))
            {
                words = words.Concat(new[] { "tensor" }).ToList();
            }

            string pascalBase = CSharpIdentifiers.TypeName(words, char.ToUpperInvariant(role[0]) + role.Substring(1));
            string camelBase = IdentifierWords.ToCamelCase(words);
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(camelBase))
            {
                camelBase = char.ToLowerInvariant(pascalBase[0]) + pascalBase.Substring(1);
            }

            string camel = camelBase;
            string pascal = pascalBase;
            for (int suffix = 2; !IsFree(camel, pascal); suffix++)
            {
                // conv1 + 2 would read as conv12: a name that ends in a digit gets a separator.
                string separator = char.IsDigit(camelBase[camelBase.Length - 1]) ? "_" : "";
                string number = separator + suffix.ToString(CultureInfo.InvariantCulture);
                camel = camelBase + number;
                pascal = pascalBase + number;
            }

            foreach (string name in DerivedNames(camel, pascal))
            {
                _taken.Add(name);
            }

            return (camel, pascal);
        }

        private bool IsFree(string camel, string pascal) => DerivedNames(camel, pascal).All(name => !_taken.Contains(name));

        // The names the emitter derives from one tensor's pair of names.
        private static IEnumerable<string> DerivedNames(string camel, string pascal) =>
            new[] { camel, camel + "Pointer", pascal, pascal + "Length", pascal + "Shape" };

        // The last '/'-separated scope that has letters, without the producer's uniqueness suffixes (:0 from TensorFlow,
        // .1 from PyTorch). Names without any letters (PyTorch's "23") keep their digits after the role: output23.
        private static IReadOnlyList<string> MeaningfulWords(string onnxName, string role)
        {
            // '/' separates TensorFlow and PyTorch scopes; PyTorch also writes onnx::Gemm_12 for intermediate tensors.
            string[] scopes = onnxName.Replace("::", "/").Split('/');
            for (int i = scopes.Length - 1; i >= 0; i--)
            {
                IReadOnlyList<string> words = IdentifierWords.Split(WithoutIndexSuffixes(scopes[i]));
                if (IdentifierWords.HasLetter(words))
                {
                    return words;
                }
            }

            return new[] { role }.Concat(IdentifierWords.Split(scopes[scopes.Length - 1])).ToList();
        }

        private static string WithoutIndexSuffixes(string scope)
        {
            while (true)
            {
                int separator = scope.LastIndexOfAny(new[] { ':', '.' });
                if (separator <= 0 || separator == scope.Length - 1 || !scope.Substring(separator + 1).All(char.IsDigit))
                {
                    return scope;
                }

                scope = scope.Substring(0, separator);
            }
        }
    }
}
