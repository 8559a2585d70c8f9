tracebriefSearch.terms("gd",{"gdp":"l,1"});
