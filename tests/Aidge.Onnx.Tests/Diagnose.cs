using Aidge.Core.Diagnostics;

namespace Aidge.Onnx.Tests;

/// <summary>Asserts that an action fails with exactly an <see cref="AidgeException"/> of a code, naming the file (and node).</summary>
internal static class Diagnose
{
    public static AidgeException Fails(string code, string file, Action action, string? node = null)
    {
        var error = Assert.ThrowsExactly<AidgeException>(action);
        Assert.AreEqual(code, error.Diagnostic.Code, error.Message);
        Assert.AreEqual(file, error.Diagnostic.File, error.Message);
        StringAssert.Contains(error.Message, file);
        if (node is not null)
        {
            Assert.AreEqual(node, error.Diagnostic.Node, error.Message);
        }
        return error;
    }
}
