using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Training;

/// <summary>Adagrad: per-coordinate rates from the accumulated squared gradient, with a decaying base rate.</summary>
[Kernel("Adagrad", Domain = "ai.onnx.preview.training")]
public sealed class AdagradKernel() : OptimizerKernel(accumulators: 1)
{
    protected override void Update(KernelContext context, double rate, long step, double[][] inputs, double[][] outputs)
    {
        double decay = context.GetFloat("decay_factor");
        double epsilon = context.GetFloat("epsilon");
        double norm = context.GetFloat("norm_coefficient");
        double r = rate / (1 + step * decay);
        var (x, g, h) = (inputs[0], inputs[1], inputs[2]);
        var (xNew, hNew) = (outputs[0], outputs[1]);
        for (int i = 0; i < x.Length; i++)
        {
            double gradient = norm * x[i] + g[i];
            hNew[i] = h[i] + gradient * gradient;
            xNew[i] = x[i] - r * gradient / (Math.Sqrt(hNew[i]) + epsilon);
        }
    }
}

/// <summary>Adam: bias-corrected running averages of the gradient and of its square.</summary>
[Kernel("Adam", Domain = "ai.onnx.preview.training")]
public sealed class AdamKernel() : OptimizerKernel(accumulators: 2)
{
    protected override void Update(KernelContext context, double rate, long step, double[][] inputs, double[][] outputs)
    {
        double alpha = context.GetFloat("alpha");
        double beta = context.GetFloat("beta");
        double epsilon = context.GetFloat("epsilon");
        double norm = context.GetFloat("norm_coefficient");
        double normPost = context.GetFloat("norm_coefficient_post");
        double r = step > 0 ? rate * Math.Sqrt(1 - Math.Pow(beta, step)) / (1 - Math.Pow(alpha, step)) : rate;
        var (x, g, v, h) = (inputs[0], inputs[1], inputs[2], inputs[3]);
        var (xNew, vNew, hNew) = (outputs[0], outputs[1], outputs[2]);
        for (int i = 0; i < x.Length; i++)
        {
            double gradient = norm * x[i] + g[i];
            vNew[i] = alpha * v[i] + (1 - alpha) * gradient;
            hNew[i] = beta * h[i] + (1 - beta) * gradient * gradient;
            xNew[i] = (1 - normPost) * (x[i] - r * vNew[i] / (Math.Sqrt(hNew[i]) + epsilon));
        }
    }
}

/// <summary>Stochastic gradient descent with standard or Nesterov momentum.</summary>
[Kernel("Momentum", Domain = "ai.onnx.preview.training")]
public sealed class MomentumKernel() : OptimizerKernel(accumulators: 1)
{
    protected override void Update(KernelContext context, double rate, long step, double[][] inputs, double[][] outputs)
    {
        double alpha = context.GetFloat("alpha");
        // The first step takes the whole gradient.
        double beta = step > 0 ? context.GetFloat("beta") : 1;
        double norm = context.GetFloat("norm_coefficient");
        bool nesterov = context.GetString("mode") == "nesterov";
        var (x, g, v) = (inputs[0], inputs[1], inputs[2]);
        var (xNew, vNew) = (outputs[0], outputs[1]);
        for (int i = 0; i < x.Length; i++)
        {
            double gradient = norm * x[i] + g[i];
            vNew[i] = alpha * v[i] + beta * gradient;
            xNew[i] = x[i] - rate * (nesterov ? gradient + alpha * vNew[i] : vNew[i]);
        }
    }
}
