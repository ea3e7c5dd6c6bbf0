using System.Reflection;
using Aidge.Core.Diagnostics;

namespace Aidge.Core.Tests;

[TestClass]
public sealed class DiagnosticTests
{
    [TestMethod]
    public void CanonicalFormNamesFileCodeAndNode()
    {
        var diagnostic = Diagnostic.Error(DiagnosticCodes.UnsupportedOperator, "Operator Foo is not supported.", "models/a.onnx", "foo_1");
        Assert.AreEqual("models/a.onnx: error AIDGE1008: node 'foo_1': Operator Foo is not supported.", diagnostic.ToString());
    }

    [TestMethod]
    public void CodesAreUniqueAndWellFormed()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.HasCount(codes.Distinct().Count(), codes);
        Assert.IsTrue(codes.All(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^AIDGE[1-5][0-9]{3}$")), string.Join(",", codes));
    }
}
