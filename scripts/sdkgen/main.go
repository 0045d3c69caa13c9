// sdkgen writes the Python and Go SDKs of the native provider from schema/schema.json with Pulumi's
// own code generators (github.com/pulumi/pulumi/pkg/v3/codegen). `pulumi package gen-sdk` would call
// them through the language plugins, which cannot be built here (see docs/native-provider.md).
//
// Usage: sdkgen <schema.json> <out dir>   (writes <out>/python and <out>/go)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noLoader refuses every other package: the schema references only its own types.
type noLoader struct{}

func (noLoader) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("package %s is not available (the schema must be self-contained)", pkg)
}
func (noLoader) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, fmt.Errorf("package %s is not available (the schema must be self-contained)", d.Name)
}
func (noLoader) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("package %s is not available (the schema must be self-contained)", pkg)
}
func (noLoader) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, fmt.Errorf("package %s is not available (the schema must be self-contained)", d.Name)
}

func write(dir string, files map[string][]byte) error {
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func run(schemaPath, out string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	bind := func() (*schema.Package, error) {
		var spec schema.PackageSpec
		if err := json.Unmarshal(raw, &spec); err != nil {
			return nil, err
		}
		pkg, diags, err := schema.BindSpec(spec, noLoader{}, schema.ValidationOptions{})
		if err != nil {
			return nil, err
		}
		if diags.HasErrors() {
			return nil, diags
		}
		return pkg, nil
	}
	pkg, err := bind()
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	py, err := pygen.GeneratePackage("pulumi-nicsrs sdkgen", pkg, nil, noLoader{})
	if err != nil {
		return fmt.Errorf("python: %w", err)
	}
	if err := write(filepath.Join(out, "python"), py); err != nil {
		return err
	}
	if pkg, err = bind(); err != nil {
		return err
	}
	gofiles, err := gogen.GeneratePackage("pulumi-nicsrs sdkgen", pkg, nil)
	if err != nil {
		return fmt.Errorf("go: %w", err)
	}
	return write(filepath.Join(out, "go"), gofiles)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen <schema.json> <out dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}
