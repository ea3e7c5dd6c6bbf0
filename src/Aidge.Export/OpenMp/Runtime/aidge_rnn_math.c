/* Activations of the recurrent cells (their ONNX defaults), in double, and the cell clip (none when clip <= 0). */
static double aidge_rnn_sigmoid(double x)
{
    return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x));
}

static double aidge_rnn_clip(double x, double clip)
{
    return clip <= 0 ? x : x < -clip ? -clip : x > clip ? clip : x;
}
