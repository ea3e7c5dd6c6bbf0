namespace Aidge.Generators.Naming
{
    internal static class PathNames
    {
        /// <summary>The last segment of a path written on any OS (manifests may come from another machine).</summary>
        public static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
    }
}
