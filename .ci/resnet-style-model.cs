#:project ../tests/Aidge.Testing/Aidge.Testing.csproj
// Writes the ResNet-style model of the latency test (NetworkBlocks.ResNetStyleNetwork(64, 56, 5): a 3x3 stem to 64
// channels on a 56x56 image, then 5 basic blocks) to the file named by the first argument, for the GPU check bundle
// (.ci/gpu-bundle): the device has no .NET SDK to build it there, and aidgec only reads models, it does not make them.
using Aidge.Testing;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run .ci/resnet-style-model.cs -- OUTPUT.onnx");
    return 2;
}
File.WriteAllBytes(args[0], NetworkBlocks.ResNetStyleNetwork(64, 56, 5).ToBytes());
return 0;
