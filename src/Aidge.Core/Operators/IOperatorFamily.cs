namespace Aidge.Core.Operators;

/// <summary>
/// A small family of related operators (one file each) that registers its schemas. The registry finds every
/// implementation by reflection, so adding an operator never means editing a central list.
/// </summary>
public interface IOperatorFamily
{
    void Register(OperatorRegistry registry);
}
