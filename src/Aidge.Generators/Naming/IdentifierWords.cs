using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Aidge.Generators.Naming
{
    /// <summary>
    /// Splits untrusted names into words and joins them in .NET casing. Only letters and decimal digits survive, so
    /// no separator, quote, comment terminator, line break or path character can reach an identifier.
    /// </summary>
    internal static class IdentifierWords
    {
        public static IReadOnlyList<string> Split(string text)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            string normalized = text.Normalize(NormalizationForm.FormC);
            for (int i = 0; i < normalized.Length; i++)
            {
                char c = normalized[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(words, current);
                    continue;
                }

                if (current.Length > 0 && StartsNewWord(normalized, i))
                {
                    Flush(words, current);
                }

                current.Append(c);
            }

            Flush(words, current);
            return words;
        }

        public static bool HasLetter(IEnumerable<string> words) => words.Any(word => word.Any(char.IsLetter));

        public static string ToPascalCase(IEnumerable<string> words) =>
            string.Concat(words.Select(Capitalize));

        public static string ToCamelCase(IReadOnlyList<string> words)
        {
            if (words.Count == 0)
            {
                return "";
            }

            string first = IsAllUpper(words[0])
                ? words[0].ToLowerInvariant()
                : char.ToLowerInvariant(words[0][0]) + words[0].Substring(1);
            return first + string.Concat(words.Skip(1).Select(Capitalize));
        }

        // An acronym word (IMAGE, HTTP) reads as Image, Http inside an identifier, as .NET naming guidelines suggest.
        private static string Capitalize(string word)
        {
            string rest = IsAllUpper(word) ? word.Substring(1).ToLowerInvariant() : word.Substring(1);
            return char.ToUpperInvariant(word[0]) + rest;
        }

        private static bool IsAllUpper(string word) =>
            word.Any(char.IsLetter) && !word.Any(char.IsLower);

        // camelCase and PascalCase boundaries: fooBar -> foo|Bar, HTTPServer -> HTTP|Server. Digits stay with the
        // word before them (conv2d, layer10), so numbered names keep their numbers.
        private static bool StartsNewWord(string text, int index)
        {
            char previous = text[index - 1];
            char c = text[index];
            if (!char.IsUpper(c))
            {
                return false;
            }

            if (char.IsLower(previous) || char.IsDigit(previous))
            {
                return true;
            }

            return char.IsUpper(previous) && index + 1 < text.Length && char.IsLower(text[index + 1]);
        }

        private static void Flush(List<string> words, StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
