namespace Aidge.Generators
{
    /// <summary>Names of the pipeline steps, so that tests can check that each one is cached after an unrelated edit.</summary>
    public static class TrackingNames
    {
        public const string Manifests = nameof(Manifests);
        public const string Settings = nameof(Settings);
        public const string Plan = nameof(Plan);
        public const string Classes = nameof(Classes);
        public const string Diagnostics = nameof(Diagnostics);
    }
}
