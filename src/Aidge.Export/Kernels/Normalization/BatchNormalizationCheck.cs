using Aidge.Core.Tensors;

namespace Aidge.Export.Kernels;

/// <summary>What every kernel-based target's BatchNormalization handles: inference on float32 (input, scale, bias, mean and variance), no running statistics outputs.</summary>
public static class BatchNormalizationCheck
{
    public static void Require(NodeContext node)
    {
        node.RequireType(node.Input(0), DataType.Float);
        if (node.HasOutput(1) || node.HasOutput(2) || node.Node.GetInt("training_mode", 0) != 0)
        {
            throw node.Unsupported("training mode (running mean and variance outputs) is not supported; export the model for inference");
        }
        for (int i = 1; i <= 4; i++)
        {
            node.RequireType(node.Input(i), DataType.Float);
        }
    }
}
