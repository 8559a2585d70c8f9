tracebriefSearch.terms("mi",{"military":"k","minister":"0,3,1","ministry":"a"});
