tracebriefSearch.terms("pa",{"paris":"0"});
