// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonexporters.h"

#include "diffhtmlwriter.h"
#include "diffsvgwriter.h"
#include "difftext.h"

namespace perfwb::formats {

namespace {

class HtmlComparison : public ComparisonExporter {
public:
    std::string_view format() const override { return "html"; }
    std::string_view extension() const override { return "html"; }
    std::string_view what() const override { return "diff"; }
    std::string_view description() const override
    {
        return "one HTML page: verdict, metrics, differential flame graphs, delta table";
    }
    Status write(const ComparisonInput &in, std::string &out) const override
    {
        return DiffHtmlWriter::write(in.diff, in.base, in.next, {in.labels.base, in.labels.next}, out);
    }
};

class SvgComparison : public ComparisonExporter {
public:
    explicit SvgComparison(DiffSvgWriter::Shape shape)
        : shape_(shape)
    {}
    std::string_view format() const override { return shape_ == DiffSvgWriter::Shape::New ? "svg" : "svg-reverse"; }
    std::string_view extension() const override { return "svg"; }
    std::string_view what() const override
    {
        return shape_ == DiffSvgWriter::Shape::New ? "diff-flamegraph" : "diff-reverse-flamegraph";
    }
    std::string_view description() const override
    {
        return shape_ == DiffSvgWriter::Shape::New ? "differential flame graph in the new run's shape"
                                                   : "differential flame graph in the base run's shape";
    }
    Status write(const ComparisonInput &in, std::string &out) const override
    {
        return DiffSvgWriter::write(in.diff, shape_, comparisonTitle(in.labels), out);
    }

private:
    DiffSvgWriter::Shape shape_;
};

class MarkdownComparison : public ComparisonExporter {
public:
    std::string_view format() const override { return "markdown"; }
    std::string_view extension() const override { return "md"; }
    std::string_view what() const override { return "before_after"; }
    std::string_view description() const override { return "the before/after table in Markdown"; }
    Status write(const ComparisonInput &in, std::string &out) const override
    {
        out = DiffText::markdown(in.diff, in.labels, in.top);
        return {};
    }
};

class JsonComparison : public ComparisonExporter {
public:
    std::string_view format() const override { return "json"; }
    std::string_view extension() const override { return "json"; }
    std::string_view what() const override { return "diff"; }
    std::string_view description() const override { return "verdict, metrics and changed functions as JSON"; }
    Status write(const ComparisonInput &in, std::string &out) const override
    {
        out = DiffText::json(in.diff, in.labels, in.top);
        return {};
    }
};

} // namespace

std::vector<std::unique_ptr<ComparisonExporter>> makeComparisonExporters()
{
    std::vector<std::unique_ptr<ComparisonExporter>> out;
    out.push_back(std::make_unique<HtmlComparison>());
    out.push_back(std::make_unique<SvgComparison>(DiffSvgWriter::Shape::New));
    out.push_back(std::make_unique<SvgComparison>(DiffSvgWriter::Shape::Base));
    out.push_back(std::make_unique<MarkdownComparison>());
    out.push_back(std::make_unique<JsonComparison>());
    return out;
}

} // namespace perfwb::formats
