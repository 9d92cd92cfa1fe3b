namespace MeshClient.Recovery;

/// <summary>Marks a built-in action: a user action registered under the same name is preferred over it.</summary>
internal interface IBuiltInRecoveryAction : IRecoveryAction
{
}
