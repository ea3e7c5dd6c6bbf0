namespace Aidge.Core.Operators.MachineLearning;

/// <summary>The ONNX domain of the classical machine-learning operators.</summary>
public static class MachineLearningDomain
{
    public const string Name = "ai.onnx.ml";
}
