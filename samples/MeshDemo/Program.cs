Console.WriteLine("MeshDemo: coming up");
