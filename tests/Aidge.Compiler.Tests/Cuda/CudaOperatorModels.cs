using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Cuda;

/// <summary>Small models whose every node is one of the CUDA target's operators beyond the core, one model per family.</summary>
public static class CudaOperatorModels
{
    private static readonly (string Op, (string, object)[] Attributes)[] Unary =
    [
        ("Relu", []), ("LeakyRelu", [("alpha", 0.1f)]), ("Elu", []), ("Selu", []), ("Sigmoid", []), ("HardSigmoid", []), ("HardSwish", []),
        ("Tanh", []), ("Softplus", []), ("Softsign", []), ("Gelu", []), ("Gelu", [("approximate", "tanh")]), ("Exp", []), ("Abs", []),
        ("Neg", []), ("Reciprocal", []), ("Floor", []), ("Ceil", []), ("Round", []), ("Sin", []), ("Cos", []), ("Erf", []), ("Sign", []),
        ("Atanh", []), ("Mish", []), ("Celu", []),
    ];

    /// <summary>Every unary activation on one input, each its own output; Log and Sqrt of |x|; IsNaN and IsInf give bool; Clip with constant bounds.</summary>
    public static ModelBuilder Elementwise()
    {
        var b = new ModelBuilder(opset: 20).Input("x", 2, 3, 4, 5);
        foreach (var (op, attributes) in Unary)
        {
            string y = b.Fresh(op.ToLowerInvariant());
            b.Node(op, ["x"], [y], attributes).Output(y);
        }
        b.Node("Abs", ["x"], ["ax"]).Node("Log", ["ax"], ["log"]).Output("log").Node("Sqrt", ["ax"], ["sqrt"]).Output("sqrt");
        b.Node("IsNaN", ["x"], ["nan"]).Output("nan", DataType.Bool).Node("IsInf", ["x"], ["inf"]).Output("inf", DataType.Bool);
        b.Initializer("lo", Tensor.Scalar(-0.5f)).Initializer("hi", Tensor.Scalar(0.5f));
        b.Node("Clip", ["x", "lo", "hi"], ["clip"]).Output("clip");
        b.DomainNode(AidgeDomain.Name, AidgeDomain.Version, "Gelu", ["x"], ["aidge_gelu"]).Output("aidge_gelu");
        return b;
    }

    /// <summary>Broadcasting binary operators, variadic Sum/Mean/Max, PRelu with a per-channel slope, comparisons, Mod, Cast.</summary>
    public static ModelBuilder Broadcast()
    {
        var b = new ModelBuilder(opset: 17).Input("x", 2, 3, 4, 5).Input("y", 3, 1, 5).Input("z", 5).RandomInitializer("slope", 0.3f, 3, 1, 1);
        foreach (string op in new[] { "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min" })
        {
            string o = b.Fresh(op.ToLowerInvariant());
            b.Node(op, ["x", "y"], [o]).Output(o);
        }
        b.Node("Sum", ["x", "y", "z"], ["sum"]).Output("sum").Node("Mean", ["x", "z"], ["mean"]).Output("mean");
        b.Node("PRelu", ["x", "slope"], ["prelu"]).Output("prelu");
        b.Node("Greater", ["x", "y"], ["greater"]).Output("greater", DataType.Bool);
        b.Node("Mod", ["x", "y"], ["mod"], ("fmod", 1L)).Output("mod");
        b.Node("Cast", ["x"], ["int"], ("to", (long)DataType.Int32)).Output("int", DataType.Int32);
        b.Node("Cast", ["int"], ["back"], ("to", (long)DataType.Float)).Output("back");
        b.Node("Cast", ["x"], ["flag"], ("to", (long)DataType.Bool)).Output("flag", DataType.Bool);
        return b;
    }
}
